package dev.portside.platform;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Windows: {@code reg query} for the apps' light/dark setting, {@code %APPDATA%} and
 * {@code %LOCALAPPDATA%}, {@code rundll32 url.dll,FileProtocolHandler}, a tray balloon, OSHI's
 * IP Helper tables, {@code netstat -ano} and PowerShell.
 */
public final class WindowsSystem implements HostSystem {

    private final Map<String, String> env;
    private final Path home;
    private final CommandRunner runner;
    private NotificationCentre notifications;

    WindowsSystem(Map<String, String> env, Path home, CommandRunner runner) {
        this.env = Map.copyOf(env);
        this.home = Objects.requireNonNull(home);
        this.runner = Objects.requireNonNull(runner);
    }

    @Override
    public OsFamily family() {
        return OsFamily.WINDOWS;
    }

    @Override
    public SystemTheme theme() {
        return new WindowsTheme(runner);
    }

    @Override
    public AppFolders folders() {
        return new WindowsFolders(env, home);
    }

    @Override
    public UrlOpener browser() {
        return UrlOpener.windows(runner);
    }

    @Override
    public synchronized NotificationCentre notifications() {
        if (notifications == null) {
            notifications = new TrayNotifications(new AwtTray());
        }
        return notifications;
    }

    @Override
    public OshiSocketMapping oshiMapping() {
        return OshiSocketMapping.windows();
    }

    @Override
    public CheckCommandSet checkCommands() {
        return new WindowsCheckCommands();
    }
}
