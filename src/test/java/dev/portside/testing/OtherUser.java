package dev.portside.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portside.Launcher;
import dev.portside.platform.OsFamily;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a main class of this build (Portside's CLI, a driver of the window's kill flow) as another,
 * unprivileged user ({@code nobody}, uid 65534, or another uid), through {@code setpriv} and
 * {@code /usr/bin/java}: how the tests meet what such a user sees and the system's real "not your
 * process" answers. The class path is copied once into a temporary folder that user can read (the
 * build's own files may sit under root's home), which is also its home. The child gets a clean
 * environment (PATH, HOME and what the test gives), not root's. Only root can start processes as
 * another user, so {@link #assumeAvailable()} skips the test, with the reason, elsewhere.
 */
public final class OtherUser {

    public static final int NOBODY = 65534;
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final Path JAVA = Path.of("/usr/bin/java");
    private static Path home;
    private static String classPath;

    /**
     * What the user may do besides being itself. {@link #READ_EVERY_PROCESS} lets it read every
     * process's files and sockets (CAP_DAC_READ_SEARCH and CAP_SYS_PTRACE, as a monitoring account
     * has) but not signal them (no CAP_KILL): it sees who holds root's socket, and may not end it.
     */
    public enum Rights {
        ORDINARY, READ_EVERY_PROCESS
    }

    /** The outcome of one run. */
    public record Result(int exitCode, String out, String err) {
        public List<String> lines(String prefix) {
            return out.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
        }
    }

    private OtherUser() {
    }

    /** Why this machine cannot run a process as another user, or null when it can. */
    public static String unavailable() {
        if (OsFamily.current() != OsFamily.LINUX) {
            return "Linux only (setpriv)";
        }
        if (!isRoot()) {
            return "needs root to start a process as another user (this run is not root, and no other user can be"
                    + " switched to without it)";
        }
        if (!Files.isExecutable(SETPRIV) || !Files.isExecutable(JAVA)) {
            return "needs /usr/bin/setpriv and /usr/bin/java to run Portside as another user";
        }
        return null;
    }

    /** Skips the test, with the reason, unless {@link #unavailable()} says it can run. */
    public static void assumeAvailable() {
        String why = unavailable();
        assumeTrue(why == null, why);
    }

    public static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[1].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs Portside's command line ({@code portside ARGS}) as nobody, an ordinary user. */
    public static Result portside(String... args) {
        return portside(Map.of(), args);
    }

    /** The same with these environment variables (e.g. {@code DOCKER_HOST}). */
    public static Result portside(Map<String, String> env, String... args) {
        return run(NOBODY, Rights.ORDINARY, env, Launcher.class.getName(), args);
    }

    /** Runs {@code mainClass args} as nobody and waits (at most two minutes) for it to end. */
    public static Result run(Rights rights, String mainClass, String... args) {
        return run(NOBODY, rights, mainClass, args);
    }

    /** The same as another unprivileged user (daemon is uid 1: a second user beside nobody). */
    public static Result run(int uid, Rights rights, String mainClass, String... args) {
        return run(uid, rights, Map.of(), mainClass, args);
    }

    /** The same with these environment variables besides PATH and HOME. */
    public static Result run(int uid, Rights rights, Map<String, String> env, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(SETPRIV.toString(), "--reuid=" + uid, "--regid=" + uid,
                "--clear-groups"));
        if (rights == Rights.READ_EVERY_PROCESS) {
            command.addAll(List.of("--inh-caps=+dac_read_search,+sys_ptrace",
                    "--ambient-caps=+dac_read_search,+sys_ptrace"));
        }
        Path dir = home();
        command.addAll(List.of(JAVA.toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx64m",
                "-Duser.home=" + dir, "-Djava.io.tmpdir=" + dir, "-Djna.tmpdir=" + dir, "-cp", classPath,
                mainClass));
        command.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
            pb.environment().clear(); // root's environment (its DOCKER_HOST, XDG_RUNTIME_DIR) is not the user's
            pb.environment().put("PATH", "/usr/bin:/bin");
            pb.environment().put("HOME", dir.toString());
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("the unprivileged run did not end: " + command);
            }
            return new Result(p.exitValue(), out.get(30, TimeUnit.SECONDS), err.get(30, TimeUnit.SECONDS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the copied class path (a test class's {@code @AfterAll}; the JVM's exit is the fallback). */
    public static synchronized void cleanUp() {
        if (home != null) {
            delete(home);
            home = null;
            classPath = null;
        }
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** A folder the user can read (the class path) and write (its home, JNA's library, temporary files). */
    private static synchronized Path home() {
        if (home != null) {
            return home;
        }
        try {
            Path dir = Files.createTempDirectory("portside-unprivileged");
            Path cp = Files.createDirectory(dir.resolve("cp"));
            List<String> entries = new ArrayList<>();
            int n = 0;
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path from = Path.of(entry);
                if (Files.isDirectory(from)) {
                    Path to = cp.resolve("dir" + n++);
                    copyTree(from, to);
                    entries.add(to.toString());
                } else if (Files.isRegularFile(from)) {
                    Path to = cp.resolve(n++ + "-" + from.getFileName());
                    Files.copy(from, to);
                    entries.add(to.toString());
                }
            }
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.toList()) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                            Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx")); // its home
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            classPath = String.join(File.pathSeparator, entries);
            home = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder; the system cleans it eventually
        }
    }
}
