package dev.portside.platform;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * macOS: {@code defaults read -g AppleInterfaceStyle} prints "Dark" in dark mode; in light mode the
 * key does not exist and the command fails ("The domain/default pair … does not exist"), which is
 * light. Empty only when the command could not run at all.
 */
public final class MacTheme implements SystemTheme {

    static final List<String> COMMAND = List.of("defaults", "read", "-g", "AppleInterfaceStyle");

    private final CommandRunner runner;

    public MacTheme(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner);
    }

    @Override
    public Optional<Boolean> prefersDark() {
        return runner.run(COMMAND, Duration.ofSeconds(2)).map(MacTheme::isDark);
    }

    static boolean isDark(CommandRunner.Result r) {
        return r.succeeded() && r.output().strip().equalsIgnoreCase("dark");
    }
}
