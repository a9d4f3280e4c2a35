package dev.portside;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirsTest {

    @Test
    void followsEachSystemsConvention() {
        assertThat(AppDirs.configDir("Linux", "/home/ada", Map.of())).isEqualTo(Path.of("/home/ada/.config/portside"));
        assertThat(AppDirs.configDir("Linux", "/home/ada", Map.of("XDG_CONFIG_HOME", "/cfg")))
                .isEqualTo(Path.of("/cfg/portside"));
        assertThat(AppDirs.configDir("Mac OS X", "/Users/ada", Map.of()))
                .isEqualTo(Path.of("/Users/ada/Library/Application Support/Portside"));
        assertThat(AppDirs.configDir("Windows 11", "/home/ada", Map.of("APPDATA", "/appdata")))
                .isEqualTo(Path.of("/appdata", "Portside"));
    }
}
