package dev.portside.ui.actions;

/**
 * One outcome to tell the user: always in the status bar; as a notification too when
 * {@code popUp} (the outcome of a kill or a port lookup, not every copy to the clipboard).
 */
public record ActionMessage(String text, Kind kind, boolean popUp) {

    public enum Kind {
        SUCCESS, INFO, WARNING, ERROR
    }
}
