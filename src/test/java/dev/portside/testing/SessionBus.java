package dev.portside.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A private D-Bus session bus: a real {@code dbus-daemon --session} of its own, on a socket in a
 * temporary folder, ended by {@link #close()}. Tests that need a bus skip (and say why) where
 * dbus-daemon is not installed; {@code .ci/run} installs it.
 */
public final class SessionBus implements AutoCloseable {

    private final Process daemon;
    private final String address;
    private final Path dir;

    private SessionBus(Process daemon, String address, Path dir) {
        this.daemon = daemon;
        this.address = address;
        this.dir = dir;
    }

    public static SessionBus start() {
        Path binary = Path.of("/usr/bin/dbus-daemon");
        assumeTrue(Files.isExecutable(binary), "dbus-daemon is not installed (apt-get install dbus-daemon)");
        try {
            Path dir = Files.createTempDirectory("portside-bus");
            Process p = new ProcessBuilder(binary.toString(), "--session", "--nofork", "--print-address=1",
                    "--address=unix:path=" + dir.resolve("bus")).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            // The daemon prints its address once it listens.
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(20, TimeUnit.SECONDS);
            if (line == null || !line.startsWith("unix:")) {
                p.destroyForcibly();
                throw new IllegalStateException("dbus-daemon printed no address: " + line);
            }
            return new SessionBus(p, line.strip(), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not start dbus-daemon", e);
        }
    }

    /** The bus's address, e.g. {@code unix:path=/tmp/portside-bus123/bus,guid=…}. */
    public String address() {
        return address;
    }

    @Override
    public void close() throws InterruptedException {
        daemon.destroy();
        if (!daemon.waitFor(10, TimeUnit.SECONDS)) {
            daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temporary folder
        }
    }
}
