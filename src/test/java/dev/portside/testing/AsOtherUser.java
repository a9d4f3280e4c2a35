package dev.portside.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Portside's command line (or any program) as another user with {@code setpriv}, as TEAM.md
 * describes: root only, {@code /usr/bin/java} (the pyenv and Maven files under /root are not readable
 * by others), the class path copied once to a world-readable directory.
 */
public final class AsOtherUser {

    public static final int NOBODY = 65534;
    public static final int DAEMON = 1;

    private static String classPath;

    private AsOtherUser() {
    }

    /** Why it cannot run here, or "" when it can. */
    public static String unavailable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "needs root to run a process as another user";
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return "setpriv is Linux only";
        }
        if (!Files.isExecutable(Path.of("/usr/bin/setpriv")) || !Files.isExecutable(Path.of("/usr/bin/java"))) {
            return "needs /usr/bin/setpriv and /usr/bin/java";
        }
        return "";
    }

    /** The result of a finished process. */
    public record Result(int exitCode, String out, String err) {
    }

    /** Runs {@code portside ARGS} as the user, waits (60 s at most). */
    public static Result portside(int uid, String... args) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/java", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-Xmx64m", "-cp", readableClassPath(), "dev.portside.Launcher"));
        command.addAll(Arrays.asList(args));
        return run(uid, command);
    }

    /** Starts a program as the user; the caller ends it. */
    public static Process start(int uid, String... command) {
        try {
            return new ProcessBuilder(setpriv(uid, List.of(command))).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Result run(int uid, List<String> command) {
        try {
            Path out = Files.createTempFile("portside-out", ".txt");
            Path err = Files.createTempFile("portside-err", ".txt");
            try {
                Process p = new ProcessBuilder(setpriv(uid, command)).redirectOutput(out.toFile())
                        .redirectError(err.toFile()).directory(new File("/")).start();
                p.getOutputStream().close();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    throw new IllegalStateException("timed out: " + command);
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> setpriv(int uid, List<String> command) {
        List<String> full = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=" + uid, "--regid=" + uid,
                "--clear-groups", "/usr/bin/env", "HOME=/tmp"));
        full.addAll(command);
        return full;
    }

    /** This JVM's class path (without the UI toolkit and test libraries), copied where anyone may read it. */
    private static synchronized String readableClassPath() {
        if (classPath == null) {
            try {
                Path dir = Files.createTempDirectory("portside-cp", PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwxr-xr-x")));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                List<String> entries = new ArrayList<>();
                int n = 0;
                for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                    Path source = Path.of(entry);
                    String name = source.getFileName().toString();
                    if (!Files.exists(source) || name.matches("(javafx|testfx|openjfx|junit|assertj|opentest4j|apiguardian|hamcrest|byte-buddy).*")) {
                        continue;
                    }
                    Path target = dir.resolve((n++) + "-" + name);
                    copy(source, target);
                    entries.add(target.toString());
                }
                try (Stream<Path> all = Files.walk(dir)) {
                    all.forEach(p -> p.toFile().setReadable(true, false));
                }
                try (Stream<Path> all = Files.walk(dir)) {
                    all.filter(Files::isDirectory).forEach(p -> p.toFile().setExecutable(true, false));
                }
                classPath = String.join(File.pathSeparator, entries);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return classPath;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: the system cleans it up eventually
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (Stream<Path> all = Files.walk(source)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
