package dev.portside.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppFoldersTest {

    private static final Path HOME = Path.of("/home/ada");

    @Test
    void linuxFollowsXdg() {
        AppFolders plain = HostSystem.of(OsFamily.LINUX, Map.of(), HOME, CommandRunner.NONE).folders();
        assertThat(plain.configDir()).isEqualTo(Path.of("/home/ada/.config/portside"));
        assertThat(plain.logDir()).isEqualTo(Path.of("/home/ada/.local/state/portside"));
        AppFolders xdg = new LinuxFolders(Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_STATE_HOME", "/state"), HOME);
        assertThat(xdg.configDir()).isEqualTo(Path.of("/cfg/portside"));
        assertThat(xdg.logDir()).isEqualTo(Path.of("/state/portside"));
        AppFolders relative = new LinuxFolders(Map.of("XDG_CONFIG_HOME", "cfg"), HOME);
        assertThat(relative.configDir()).as("a relative XDG value is ignored").isEqualTo(Path.of("/home/ada/.config/portside"));
    }

    @Test
    void macUsesLibrary() {
        AppFolders mac = HostSystem.of(OsFamily.MACOS, Map.of(), HOME, CommandRunner.NONE).folders();
        assertThat(mac.configDir()).isEqualTo(HOME.resolve("Library/Application Support/Portside"));
        assertThat(mac.logDir()).isEqualTo(HOME.resolve("Library/Logs/Portside"));
    }

    @Test
    void windowsUsesAppDataRoamingForSettingsAndLocalForLogs() {
        AppFolders win = HostSystem.of(OsFamily.WINDOWS,
                Map.of("APPDATA", "/users/ada/roaming", "LOCALAPPDATA", "/users/ada/local"), HOME, CommandRunner.NONE)
                .folders();
        assertThat(win.configDir()).isEqualTo(Path.of("/users/ada/roaming/Portside"));
        assertThat(win.logDir()).isEqualTo(Path.of("/users/ada/local/Portside/Logs"));
        AppFolders bare = new WindowsFolders(Map.of(), HOME);
        assertThat(bare.configDir()).isEqualTo(HOME.resolve("AppData/Roaming/Portside"));
        assertThat(bare.logDir()).isEqualTo(HOME.resolve("AppData/Local/Portside/Logs"));
    }
}
