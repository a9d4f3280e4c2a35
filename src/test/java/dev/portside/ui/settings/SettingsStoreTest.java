package dev.portside.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    private static Settings sample() {
        return new Settings("dark", 2000L, "node :3000", List.of("tcp"), List.of("ipv4", "ipv6"),
                List.of("registered"), "loopback", List.of(5432, 3000), true,
                List.of(new Settings.Column("portColumn", 90), new Settings.Column("processColumn", 240)),
                List.of(new Settings.Sort("processColumn", false)), new Settings.Window(10, 20, 900, 600, false), 0.62,
                false);
    }

    @Test
    void whatIsSavedIsLoaded() {
        SettingsStore store = new SettingsStore(dir.resolve("nested").resolve("portside"));
        assertThat(store.save(sample())).isTrue();
        Settings loaded = new SettingsStore(dir.resolve("nested").resolve("portside")).load();
        assertThat(loaded).isEqualTo(new Settings("dark", 2000L, "node :3000", List.of("tcp"), List.of("ipv4", "ipv6"),
                List.of("registered"), "loopback", List.of(3000, 5432), true, sample().columns(), sample().sortOrder(),
                sample().window(), 0.62, false));
    }

    @Test
    void noFileGivesTheDefaults() {
        Settings s = new SettingsStore(dir).load();
        assertThat(s).isEqualTo(Settings.defaults());
        assertThat(s.theme()).isEqualTo("system");
        assertThat(s.pollIntervalMillis()).isEqualTo(1000L);
        assertThat(s.protocols()).containsExactly("tcp", "udp");
        assertThat(s.pinnedPorts()).isEmpty();
        assertThat(s.notifyNewExposed()).isFalse();
        assertThat(s.systemNotifications()).as("system notifications are on unless switched off").isTrue();
        assertThat(s.window()).isNull();
        assertThat(s.splitPosition()).isNull();
    }

    @Test
    void aCorruptFileIsSetAsideAndReplacedWithTheDefaults() throws Exception {
        Path file = dir.resolve(SettingsStore.FILE_NAME);
        Files.writeString(file, "{ \"theme\": \"dark\", \"pinnedPorts\": [30", StandardCharsets.UTF_8);
        Settings s = new SettingsStore(dir).load();
        assertThat(s).isEqualTo(Settings.defaults());
        assertThat(dir.resolve(SettingsStore.FILE_NAME + ".corrupt")).hasContent(
                "{ \"theme\": \"dark\", \"pinnedPorts\": [30");
        assertThat(new SettingsStore(dir).load()).as("the replacement reads fine").isEqualTo(Settings.defaults());
        assertThat(Files.readString(file)).contains("\"theme\": \"system\"");
    }

    @Test
    void wrongTypesCountAsCorrupt() throws Exception {
        for (String bad : List.of("[1, 2, 3]", "\"just a string\"", "{\"pollIntervalMillis\": \"fast\"}",
                "{\"window\": {\"x\": \"left\"}}", "\u0000\u0001binary", "")) {
            Files.writeString(dir.resolve(SettingsStore.FILE_NAME), bad, StandardCharsets.UTF_8);
            assertThat(new SettingsStore(dir).load()).as("file %s", bad).isEqualTo(Settings.defaults());
        }
    }

    @Test
    void anUnreadableFileGivesTheDefaultsWithoutACrash() throws Exception {
        // A directory where the file should be cannot be read (nor replaced) on any system.
        Files.createDirectory(dir.resolve(SettingsStore.FILE_NAME));
        SettingsStore store = new SettingsStore(dir);
        assertThat(store.load()).isEqualTo(Settings.defaults());
        assertThat(store.save(sample())).isFalse();
    }

    @Test
    void missingAndSillyValuesGetDefaults() throws Exception {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME), """
                {"theme": "purple", "pollIntervalMillis": -5, "pinnedPorts": [3000, null, 99999, 3000, -1],
                 "protocols": null, "window": {"x": 0, "y": 0, "width": 5, "height": 5, "maximized": false},
                 "splitPosition": 7.5, "columns": [null, {"id": "portColumn", "width": -3}],
                 "someFutureSetting": {"nested": true}}
                """, StandardCharsets.UTF_8);
        Settings s = new SettingsStore(dir).load();
        assertThat(s.theme()).isEqualTo("system");
        assertThat(s.pollIntervalMillis()).isEqualTo(1000L);
        assertThat(s.pinnedPorts()).containsExactly(3000);
        assertThat(s.protocols()).containsExactly("tcp", "udp");
        assertThat(s.window()).isNull();
        assertThat(s.splitPosition()).isNull();
        assertThat(s.columns()).isEmpty();
    }

    @Test
    void theDirectoryFollowsEachPlatformsCustom() {
        Path home = Path.of("/home/ana");
        assertThat(SettingsStore.defaultDirectory("Linux", Map.of(), home)).isEqualTo(Path.of("/home/ana/.config/portside"));
        assertThat(SettingsStore.defaultDirectory("Linux", Map.of("XDG_CONFIG_HOME", "/xdg"), home))
                .isEqualTo(Path.of("/xdg/portside"));
        assertThat(SettingsStore.defaultDirectory("Linux", Map.of("XDG_CONFIG_HOME", "relative"), home))
                .as("XDG says a relative path is to be ignored").isEqualTo(Path.of("/home/ana/.config/portside"));
        assertThat(SettingsStore.defaultDirectory("Mac OS X", Map.of(), home))
                .isEqualTo(Path.of("/home/ana/Library/Application Support/Portside"));
        assertThat(SettingsStore.defaultDirectory("Windows 11", Map.of("APPDATA", "/appdata"), home))
                .isEqualTo(Path.of("/appdata/Portside"));
    }
}
