package dev.portside.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Portside's CLI in a child JVM as another, unprivileged user ({@code setpriv --reuid=65534},
 * "nobody"), for the tests about what such a user sees. The classes and the libraries the CLI needs
 * are copied to a folder that user may read (Maven's repository under /root is not).
 */
public final class OtherUser {

    /** The libraries the CLI loads (no JavaFX). */
    private static final List<String> LIBRARIES = List.of("picocli", "gson", "jna", "oshi-core", "slf4j");

    private OtherUser() {
    }

    /** Why this machine cannot run a process as another user, or null when it can. */
    public static String unavailable() {
        if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
            return "Linux only";
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "only root can start a process as another user";
        }
        if (!new File("/usr/bin/setpriv").canExecute() || !new File("/usr/bin/java").canExecute()) {
            return "needs /usr/bin/setpriv and /usr/bin/java";
        }
        return null;
    }

    /** The result of one run. */
    public record Run(int exit, String out, String err) {
    }

    /**
     * Runs {@code dev.portside.Launcher ARGS} as nobody, with a copy of the test's class path in
     * {@code dir} (made readable for everyone), and waits at most 60 s.
     */
    public static Run portside(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path lib = dir.resolve("cp");
        Files.createDirectories(lib);
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path from = Path.of(entry);
            String name = from.getFileName().toString();
            if (Files.isDirectory(from) && name.equals("classes")) {
                Path to = lib.resolve("classes");
                copyTree(from, to);
                classPath.add(to.toString());
            } else if (name.endsWith(".jar") && LIBRARIES.stream().anyMatch(name::startsWith)) {
                Path to = lib.resolve(name);
                Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                classPath.add(to.toString());
            }
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        List<String> command = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534",
                "--clear-groups", "/usr/bin/java", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx64m",
                "-Duser.home=/nonexistent", "-cp", String.join(File.pathSeparator, classPath), "dev.portside.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException("portside " + String.join(" ", args) + " as nobody did not end in 60 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
