package dev.portside.platform;

import java.awt.AWTException;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.SystemTray;
import java.awt.Toolkit;
import java.awt.TrayIcon;
import java.net.URL;

/** {@link TrayNotifications.Tray} with AWT's {@link SystemTray}: one icon, Portside's. */
final class AwtTray implements TrayNotifications.Tray {

    private static final String ICON = "/dev/portside/icons/portside-32.png";
    private TrayIcon icon;

    @Override
    public boolean isSupported() {
        try {
            return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public synchronized void showMessage(String title, String body) {
        try {
            if (icon == null) {
                URL url = AwtTray.class.getResource(ICON);
                Image image = url == null ? null : Toolkit.getDefaultToolkit().getImage(url);
                TrayIcon created = new TrayIcon(image, "Portside");
                created.setImageAutoSize(true);
                SystemTray.getSystemTray().add(created);
                icon = created;
            }
            icon.displayMessage(title, body, TrayIcon.MessageType.INFO);
        } catch (AWTException e) {
            throw new IllegalStateException("no notification area", e);
        }
    }

    @Override
    public synchronized void remove() {
        if (icon != null) {
            SystemTray.getSystemTray().remove(icon);
            icon = null;
        }
    }
}
