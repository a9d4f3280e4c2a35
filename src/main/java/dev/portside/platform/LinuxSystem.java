package dev.portside.platform;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Linux (and other Unix desktops): GNOME's colour scheme, XDG folders, {@code xdg-open}, the
 * freedesktop notification service on the session D-Bus, OSHI's /proc reading, {@code ss} and
 * {@code lsof} (only {@code lsof} on other Unix).
 */
public final class LinuxSystem implements HostSystem {

    private final OsFamily family;
    private final Map<String, String> env;
    private final Path home;
    private final CommandRunner runner;
    private NotificationCentre notifications;

    LinuxSystem(OsFamily family, Map<String, String> env, Path home, CommandRunner runner) {
        this.family = Objects.requireNonNull(family);
        this.env = Map.copyOf(env);
        this.home = Objects.requireNonNull(home);
        this.runner = Objects.requireNonNull(runner);
    }

    @Override
    public OsFamily family() {
        return family;
    }

    @Override
    public SystemTheme theme() {
        return new GnomeTheme(runner);
    }

    @Override
    public AppFolders folders() {
        return new LinuxFolders(env, home);
    }

    @Override
    public UrlOpener browser() {
        return UrlOpener.linux(runner);
    }

    @Override
    public synchronized NotificationCentre notifications() {
        if (notifications == null) {
            notifications = FreedesktopNotifications.sessionBus(env);
        }
        return notifications;
    }

    @Override
    public OshiSocketMapping oshiMapping() {
        return OshiSocketMapping.linux();
    }

    @Override
    public CheckCommandSet checkCommands() {
        return HostSystem.checkCommands(family);
    }
}
