package dev.portside.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A parent and the child it forked, both holding one listening socket (the child inherited it), as a
 * pre-fork server has: {@code forking_listener.py} run by {@code /usr/bin/python3}, because a JVM
 * cannot fork and hand a socket down. {@link #start} returns once it listens.
 */
public final class ForkingListener implements AutoCloseable {

    public static final Path PYTHON = Path.of("/usr/bin/python3");

    private final Process parent;
    private final long childPid;
    private final int port;

    private ForkingListener(Process parent, long childPid, int port) {
        this.parent = parent;
        this.childPid = childPid;
        this.port = port;
    }

    /** True where the test can run it (Linux and macOS with Python 3 at /usr/bin/python3). */
    public static boolean available() {
        return Files.isExecutable(PYTHON);
    }

    public static ForkingListener start() {
        try {
            Path script = Path.of(Objects.requireNonNull(ForkingListener.class.getResource("forking_listener.py"))
                    .toURI());
            Process p = new ProcessBuilder(PYTHON.toString(), script.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            long child = -1;
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("CHILD ")) {
                    child = Long.parseLong(line.substring(6).trim());
                } else if (line.startsWith("LISTENING ")) {
                    return new ForkingListener(p, child, Integer.parseInt(line.substring(10).trim()));
                }
            }
            p.destroyForcibly();
            throw new IllegalStateException("the forking listener ended before it listened");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public long parentPid() {
        return parent.pid();
    }

    public long childPid() {
        return childPid;
    }

    public int port() {
        return port;
    }

    /**
     * Ends the child by force and waits (at most 20 s) until /proc shows it as a zombie: its parent
     * does not collect it. Linux only.
     */
    public ProcessHandle endChildLeavingAZombie() {
        ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();
        child.destroyForcibly();
        Path stat = Path.of("/proc", String.valueOf(childPid), "stat");
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.readString(stat).contains(") Z "));
        } catch (TimeoutException e) {
            throw new IllegalStateException("the child did not become a zombie", e);
        }
        return child;
    }

    @Override
    public void close() {
        ProcessHandle.of(childPid).ifPresent(ProcessHandle::destroyForcibly);
        parent.destroyForcibly();
        try {
            parent.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
