package dev.portside.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link CommandRunner} that answers with recorded output (files in
 * {@code src/test/resources/dev/portside/platform/recorded/}) and remembers every command it was
 * given. A command it has no answer for does not exist, as on a system without it.
 */
final class RecordedCommands implements CommandRunner {

    private final Map<List<String>, Result> answers = new HashMap<>();
    private final List<List<String>> ran = new ArrayList<>();
    private final List<List<String>> started = new ArrayList<>();
    private boolean startFails;

    /** Answers {@code command} with the recorded file's text and this exit code. */
    RecordedCommands answer(List<String> command, String recordedFile, int exitCode) {
        answers.put(List.copyOf(command), new Result(exitCode, recorded(recordedFile)));
        return this;
    }

    /** Starting a command fails, as when it is not installed. */
    RecordedCommands startFails() {
        startFails = true;
        return this;
    }

    static String recorded(String file) {
        try (InputStream in = RecordedCommands.class.getResourceAsStream("recorded/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded file " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Result> run(List<String> command, Duration timeout) {
        ran.add(List.copyOf(command));
        return Optional.ofNullable(answers.get(command));
    }

    @Override
    public void start(List<String> command) {
        started.add(List.copyOf(command));
        if (startFails) {
            throw new UncheckedIOException(new IOException(command.get(0) + ": not found"));
        }
    }

    List<List<String>> ran() {
        return ran;
    }

    List<List<String>> started() {
        return started;
    }
}
