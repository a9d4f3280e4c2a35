package dev.portside.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real child JVM that listens on loopback sockets (see {@link ListenerMain} for the arguments).
 * {@link #start} returns once the child printed its ports, so no test waits with a sleep.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final List<Integer> ports;
    private final long grandchildPid;
    private final List<Long> spawned = new ArrayList<>();

    private ChildJvm(Process process, BufferedReader out, List<Integer> ports, long grandchildPid) {
        this.process = process;
        this.out = out;
        this.ports = ports;
        this.grandchildPid = grandchildPid;
    }

    /** Starts a child with {@link ListenerMain}'s arguments and waits (at most 60 s) until it listens. */
    public static ChildJvm start(String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx32m",
                "-cp", System.getProperty("java.class.path"), ListenerMain.class.getName()));
        command.addAll(Arrays.asList(args));
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            long grandchild = -1;
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("CHILD ")) {
                    grandchild = Long.parseLong(line.substring(6).trim());
                } else if (line.startsWith("LISTENING")) {
                    List<Integer> ports = Arrays.stream(line.substring(9).trim().split("\\s+"))
                            .filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
                    return new ChildJvm(p, out, ports, grandchild);
                }
            }
            p.destroyForcibly();
            throw new IllegalStateException("child JVM ended before it listened (exit " + p.waitFor() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** The pid of the grandchild started with {@code --child}, or -1. */
    public long grandchildPid() {
        return grandchildPid;
    }

    public List<Integer> ports() {
        return ports;
    }

    public int port() {
        return ports.get(0);
    }

    public Process process() {
        return process;
    }

    /**
     * Has the child start another child JVM now (with {@link ListenerMain}'s arguments; give
     * {@code --keep} for one that outlives its parent) and returns its pid once it listens.
     */
    public long spawn(String... args) throws IOException {
        process.getOutputStream().write(("spawn " + String.join(" ", args) + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("SPAWNED ")) {
                long pid = Long.parseLong(line.substring(8).trim());
                spawned.add(pid);
                return pid;
            }
        }
        throw new IllegalStateException("the child ended before it spawned");
    }

    /** Asks the child to close its sockets and end, and waits for it. */
    public void stop() throws InterruptedException {
        try {
            process.getOutputStream().write("exit\n".getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException ignored) {
            // already gone
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Makes sure nothing is left running, whatever the test did. */
    @Override
    public void close() {
        if (grandchildPid > 0) {
            ProcessHandle.of(grandchildPid).ifPresent(ProcessHandle::destroyForcibly);
        }
        spawned.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
