package dev.portside.platform;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs a system command from an argument list (never through a shell). The platform classes read
 * the system through it, so their tests replay recorded output instead of running anything.
 */
public interface CommandRunner {

    /** Runs nothing: every command is missing. */
    CommandRunner NONE = new CommandRunner() {
        @Override
        public Optional<Result> run(List<String> command, Duration timeout) {
            return Optional.empty();
        }

        @Override
        public void start(List<String> command) {
            throw new java.io.UncheckedIOException(new java.io.IOException(command.get(0) + ": no commands here"));
        }
    };

    /** What a finished command printed (standard output and error, merged) and its exit code. */
    record Result(int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /**
     * Runs the command and waits at most {@code timeout}. Empty when it does not exist here, could
     * not start, or did not finish in time (it is then ended).
     */
    Optional<Result> run(List<String> command, Duration timeout);

    /**
     * Starts the command without waiting for it (a browser, a notification helper).
     *
     * @throws java.io.UncheckedIOException when it cannot be started (e.g. it does not exist)
     */
    void start(List<String> command);
}
