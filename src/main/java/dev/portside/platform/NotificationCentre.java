package dev.portside.platform;

/**
 * The system's own notifications, outside Portside's window: the freedesktop notification service
 * on Linux desktops, the notification centre on macOS, a tray balloon on Windows. Blocking (it may
 * talk to another process): call it off the FX thread.
 */
public interface NotificationCentre extends AutoCloseable {

    /** A system without one: every message goes to the window's own pop-up. */
    NotificationCentre NONE = (title, body) -> false;

    /**
     * Shows a message. The texts are shown as given: escape system text ({@code Printable.of})
     * first.
     *
     * @return true when the system took it; false when it has no notification centre or refused,
     *     and the caller should show the message itself
     */
    boolean show(String title, String body);

    @Override
    default void close() {
    }
}
