package dev.portside.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link CommandRunner} with {@link ProcessBuilder}: an argument list, no shell, no standard input. */
public final class ProcessCommandRunner implements CommandRunner {

    /** Made when first used: setting up logging costs about 20 ms of a command that logs nothing (free). */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(ProcessCommandRunner.class);
    }
    private static final int MAX_OUTPUT = 64 * 1024;

    @Override
    public Optional<Result> run(List<String> command, Duration timeout) {
        Process p = null;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            // The answers read here are a line or two, far below a pipe's buffer: wait, then read.
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
            try (InputStream in = p.getInputStream()) {
                String out = new String(in.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
                return Optional.of(new Result(p.exitValue(), out));
            }
        } catch (IOException e) {
            return Optional.empty(); // the command does not exist here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (RuntimeException e) {
            Log.LOG.debug("Could not run {}", command.get(0), e);
            return Optional.empty();
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    @Override
    public void start(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            p.onExit().thenAccept(done -> {
                if (done.exitValue() != 0) {
                    Log.LOG.debug("{} exited {}", command.get(0), done.exitValue());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command.get(0), e);
        }
    }
}
