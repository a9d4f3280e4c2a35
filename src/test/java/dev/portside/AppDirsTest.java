package dev.portside;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirsTest {

    private static final Path HOME = Path.of("/home/ada");

    @Test
    void followsEachSystemsConvention() {
        assertThat(AppDirs.configDir("Linux", Map.of(), HOME)).isEqualTo(Path.of("/home/ada/.config/portside"));
        assertThat(AppDirs.configDir("Linux", Map.of("XDG_CONFIG_HOME", "/cfg"), HOME))
                .isEqualTo(Path.of("/cfg/portside"));
        assertThat(AppDirs.configDir("Mac OS X", Map.of(), HOME))
                .isEqualTo(Path.of("/home/ada/Library/Application Support/Portside"));
        assertThat(AppDirs.configDir("Windows 11", Map.of("APPDATA", "/appdata"), HOME))
                .isEqualTo(Path.of("/appdata", "Portside"));
    }
}
