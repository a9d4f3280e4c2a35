package dev.portside.ui.watch;

/**
 * Shows a short message outside the table (a desktop pop-up in the app). Injected, so tests record
 * the messages instead of opening windows.
 */
@FunctionalInterface
public interface Notifier {

    /** A notifier that shows nothing. */
    Notifier NONE = (title, text) -> {
    };

    void notify(String title, String text);
}
