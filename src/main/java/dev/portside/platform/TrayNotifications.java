package dev.portside.platform;

import java.util.Objects;

/**
 * Windows: a balloon (a toast on Windows 10 and 11) from Portside's icon in the notification area,
 * through {@code java.awt.TrayIcon}. The icon is added at the first message and stays while the
 * app runs; {@link #close()} removes it.
 */
public final class TrayNotifications implements NotificationCentre {

    /** The part of AWT's tray that this uses, so that tests record the calls. */
    public interface Tray {
        boolean isSupported();

        /** Adds the icon (once) and shows the message from it. */
        void showMessage(String title, String body);

        void remove();
    }

    private final Tray tray;

    public TrayNotifications(Tray tray) {
        this.tray = Objects.requireNonNull(tray);
    }

    @Override
    public boolean show(String title, String body) {
        if (!tray.isSupported()) {
            return false;
        }
        try {
            tray.showMessage(title, body);
            return true;
        } catch (RuntimeException e) { // AWTException wrapped, a tray that went away
            return false;
        }
    }

    @Override
    public void close() {
        tray.remove();
    }
}
