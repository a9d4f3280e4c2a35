package dev.portside.platform;

import java.nio.file.Path;
import java.util.Map;

/**
 * Linux and other Unix, by the XDG base directory rules: settings in {@code $XDG_CONFIG_HOME/portside}
 * (else {@code ~/.config/portside}), logs in {@code $XDG_STATE_HOME/portside} (else
 * {@code ~/.local/state/portside}). A relative XDG value is invalid by the rules and ignored.
 */
public record LinuxFolders(Map<String, String> env, Path home) implements AppFolders {

    @Override
    public Path configDir() {
        return base("XDG_CONFIG_HOME", home.resolve(".config")).resolve("portside");
    }

    @Override
    public Path logDir() {
        return base("XDG_STATE_HOME", home.resolve(".local").resolve("state")).resolve("portside");
    }

    private Path base(String variable, Path fallback) {
        String value = env.get(variable);
        return value == null || value.isBlank() || !Path.of(value).isAbsolute() ? fallback : Path.of(value);
    }
}
