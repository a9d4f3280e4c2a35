package dev.portside.testing;

import dev.portside.owner.ContainerEngine;
import dev.portside.owner.EngineException;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Docker daemon for the tests about containers. Uses the one that answers on
 * /var/run/docker.sock; else, as root with Debian's docker.io installed, starts {@code dockerd} for
 * the rest of the test run (and stops it at the end). Imports the tiny image {@code local/busybox}
 * from the machine's static busybox (Debian's busybox-static) when it is missing, since no image
 * registry is reachable. The tests set their containers up with the {@code docker} command; the
 * product itself only speaks the Engine API.
 */
public final class RealDocker {

    public static final String SOCKET = "/var/run/docker.sock";
    public static final String IMAGE = "local/busybox";

    private static String unavailable;
    private static boolean checked;
    private static Process startedDaemon;

    private RealDocker() {
    }

    /** Why no real Docker can be used here (the test skips and says so), or null when one answers. */
    public static synchronized String unavailable() {
        if (!checked) {
            checked = true;
            unavailable = prepare();
        }
        return unavailable;
    }

    private static String prepare() {
        if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
            return "Docker tests run on Linux only";
        }
        if (docker() == null) {
            return "no docker command (apt-get install docker.io)";
        }
        if (!answers()) {
            String why = startDaemon();
            if (why != null) {
                return why;
            }
        }
        String why = sameNetwork();
        if (why != null) {
            return why;
        }
        return ensureImage();
    }

    private static boolean answers() {
        try {
            ContainerEngine.unix(SOCKET).containers();
            return true;
        } catch (EngineException e) {
            return false;
        }
    }

    private static String startDaemon() {
        if (!new File("/usr/sbin/dockerd").canExecute()) {
            return "no Docker daemon answers on " + SOCKET + " and dockerd is not installed (apt-get install docker.io)";
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "no Docker daemon answers on " + SOCKET + ", and only root may start one";
        }
        try {
            Path log = Files.createTempFile("portside-dockerd", ".log");
            startedDaemon = new ProcessBuilder("/usr/sbin/dockerd").redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(RealDocker::stopDaemon));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && startedDaemon.isAlive()) {
                if (answers()) {
                    return null;
                }
                startedDaemon.waitFor(200, TimeUnit.MILLISECONDS); // returns early if it ends
            }
            return "dockerd did not start within 60 s (" + log + ")";
        } catch (IOException e) {
            return "could not start dockerd: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while starting dockerd";
        }
    }

    private static void stopDaemon() {
        if (startedDaemon != null && startedDaemon.isAlive()) {
            startedDaemon.destroy();
            try {
                startedDaemon.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Docker's published ports live in dockerd's network namespace: a private one (mvn-isolated.sh) cannot see them. */
    private static String sameNetwork() {
        try {
            Path pidFile = Path.of("/var/run/docker.pid");
            if (!Files.exists(pidFile)) {
                return null;
            }
            String pid = Files.readString(pidFile).strip();
            String theirs = Files.readSymbolicLink(Path.of("/proc", pid, "ns", "net")).toString();
            String mine = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
            return theirs.equals(mine) ? null : "this test JVM runs in a private network namespace "
                    + "(tools/mvn-isolated.sh), where Docker's published ports are not visible: run it with plain mvn";
        } catch (IOException | RuntimeException e) {
            return null; // cannot tell: try
        }
    }

    private static String ensureImage() {
        if (run("image", "inspect", IMAGE).exit == 0) {
            return null;
        }
        File busybox = new File("/bin/busybox");
        if (!busybox.canExecute()) {
            return "no /bin/busybox to build the test image from (apt-get install busybox-static)";
        }
        try {
            Path root = Files.createTempDirectory("portside-busybox");
            Files.createDirectories(root.resolve("bin"));
            Files.createDirectories(root.resolve("www"));
            Files.copy(busybox.toPath(), root.resolve("bin/busybox"));
            for (String applet : List.of("httpd", "sh", "sleep", "nc")) {
                Files.createSymbolicLink(root.resolve("bin/" + applet), Path.of("busybox"));
            }
            Files.writeString(root.resolve("www/index.html"), "portside test\n");
            Process tar = new ProcessBuilder("tar", "-C", root.toString(), "-c", ".").start();
            Process load = new ProcessBuilder(docker(), "import", "-", IMAGE).redirectErrorStream(true).start();
            tar.getInputStream().transferTo(load.getOutputStream());
            load.getOutputStream().close();
            String out = new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!load.waitFor(120, TimeUnit.SECONDS) || load.exitValue() != 0) {
                return "docker import failed: " + out;
            }
            return null;
        } catch (IOException e) {
            return "could not build the test image: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The docker command for setting up test containers, or null. */
    static String docker() {
        for (String p : List.of("/usr/bin/docker", "/usr/local/bin/docker")) {
            if (new File(p).canExecute()) {
                return p;
            }
        }
        return null;
    }

    /** A container name no parallel run uses. */
    public static String uniqueName(String what) {
        return "portside-test-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A TCP port free on 127.0.0.1 right now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    public record Result(int exit, String out) {
    }

    /** Runs {@code docker ARGS} and waits (at most 2 minutes). */
    public static Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(docker());
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, out);
            }
            return new Result(p.exitValue(), out.strip());
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    /** Starts a detached container and returns its id; throws when docker refuses. */
    public static String start(String... runArgs) {
        List<String> args = new ArrayList<>(List.of("run", "-d"));
        args.addAll(List.of(runArgs));
        Result r = run(args.toArray(String[]::new));
        if (r.exit != 0) {
            throw new IllegalStateException("docker run failed: " + r.out);
        }
        String[] lines = r.out.split("\n");
        return lines[lines.length - 1].strip();
    }

    /** Removes containers, whatever state they are in. */
    public static void remove(String... names) {
        List<String> args = new ArrayList<>(List.of("rm", "-f"));
        args.addAll(List.of(names));
        run(args.toArray(String[]::new));
    }
}
