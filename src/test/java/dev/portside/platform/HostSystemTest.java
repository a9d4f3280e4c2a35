package dev.portside.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostSystemTest {

    @Test
    void osNamesMapToFamilies() {
        assertThat(OsFamily.of("Linux")).isEqualTo(OsFamily.LINUX);
        assertThat(OsFamily.of("Mac OS X")).isEqualTo(OsFamily.MACOS);
        assertThat(OsFamily.of("Windows Server 2022")).isEqualTo(OsFamily.WINDOWS);
        assertThat(OsFamily.of("FreeBSD")).isEqualTo(OsFamily.OTHER_UNIX);
        assertThat(OsFamily.of(null)).isEqualTo(OsFamily.OTHER_UNIX);
    }

    @Test
    void eachSystemPutsItsOwnPiecesTogether() {
        Path home = Path.of("/home/ada");
        HostSystem linux = HostSystem.of(OsFamily.LINUX, Map.of(), home, CommandRunner.NONE);
        HostSystem mac = HostSystem.of(OsFamily.MACOS, Map.of(), home, CommandRunner.NONE);
        HostSystem windows = HostSystem.of(OsFamily.WINDOWS, Map.of(), home, CommandRunner.NONE);
        assertThat(linux.theme()).isInstanceOf(GnomeTheme.class);
        assertThat(mac.theme()).isInstanceOf(MacTheme.class);
        assertThat(windows.theme()).isInstanceOf(WindowsTheme.class);
        assertThat(linux.notifications()).isInstanceOf(FreedesktopNotifications.class);
        assertThat(mac.notifications()).isInstanceOf(MacNotifications.class);
        assertThat(windows.notifications()).isInstanceOf(TrayNotifications.class);
        assertThat(linux.checkCommands()).isInstanceOf(LinuxCheckCommands.class);
        assertThat(HostSystem.of(OsFamily.OTHER_UNIX, Map.of(), home, CommandRunner.NONE).checkCommands())
                .isInstanceOf(MacCheckCommands.class);
        assertThat(windows.checkCommands()).isInstanceOf(WindowsCheckCommands.class);
        assertThat(linux.oshiMapping()).isEqualTo(OshiSocketMapping.linux());
        assertThat(windows.oshiMapping()).isEqualTo(OshiSocketMapping.windows());
        assertThat(linux.notifications()).as("made once").isSameAs(linux.notifications());
    }

    @Test
    void theCurrentSystemIsThisOne() {
        assertThat(HostSystem.current().family()).isEqualTo(OsFamily.current());
        assertThat(HostSystem.current()).isSameAs(HostSystem.current());
    }
}
