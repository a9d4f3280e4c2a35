package dev.portside.platform;

import java.nio.file.Path;
import java.util.Objects;

/**
 * macOS: {@code defaults read -g AppleInterfaceStyle}, {@code ~/Library} folders, {@code open},
 * the notification centre through {@code osascript}, OSHI's proc_pidfdinfo table, {@code lsof}.
 */
public final class MacSystem implements HostSystem {

    private final Path home;
    private final CommandRunner runner;

    MacSystem(Path home, CommandRunner runner) {
        this.home = Objects.requireNonNull(home);
        this.runner = Objects.requireNonNull(runner);
    }

    @Override
    public OsFamily family() {
        return OsFamily.MACOS;
    }

    @Override
    public SystemTheme theme() {
        return new MacTheme(runner);
    }

    @Override
    public AppFolders folders() {
        return new MacFolders(home);
    }

    @Override
    public UrlOpener browser() {
        return UrlOpener.mac(runner);
    }

    @Override
    public NotificationCentre notifications() {
        return new MacNotifications(runner);
    }

    @Override
    public OshiSocketMapping oshiMapping() {
        return OshiSocketMapping.mac();
    }

    @Override
    public CheckCommandSet checkCommands() {
        return new MacCheckCommands();
    }
}
