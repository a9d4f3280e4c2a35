package dev.portside.ui.watch;

/**
 * Shows a short message outside the table: the system's notification centre or a pop-up in the
 * window. Injected, so tests record the messages instead of opening windows.
 */
@FunctionalInterface
public interface Notifier {

    /** A notifier that shows nothing. */
    Notifier NONE = (title, text) -> {
    };

    void notify(String title, String text);

    /**
     * The same, saying whether the user allows the system's notification centre for it (the
     * watch list's switch); a notifier without one ignores that.
     */
    default void notify(String title, String text, boolean systemAllowed) {
        notify(title, text);
    }
}
