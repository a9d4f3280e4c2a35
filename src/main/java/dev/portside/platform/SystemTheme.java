package dev.portside.platform;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether the desktop prefers dark. JavaFX 21 cannot tell (Platform.Preferences came in JavaFX 22),
 * so each system's implementation runs one fixed command with a timeout. Blocking: call it off the
 * FX thread.
 */
public interface SystemTheme {

    /** A system that does not say. */
    SystemTheme UNKNOWN = Optional::empty;

    /** True for dark, false for light, empty when the system does not say. */
    Optional<Boolean> prefersDark();

    /**
     * Asks a system command (at most 2 s) and reads its output when it succeeded: how GNOME's
     * gsettings and Windows' reg query answer. Empty when it could not run, failed or said nothing known.
     */
    static Optional<Boolean> ask(CommandRunner runner, List<String> command, Function<String, Optional<Boolean>> parse) {
        return runner.run(command, Duration.ofSeconds(2)).filter(CommandRunner.Result::succeeded)
                .flatMap(r -> parse.apply(r.output()));
    }
}
