package dev.portside.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The floors {@link CliBenchmark} times the window against: {@link TableWindow} (a bare JavaFX table
 * of as many rows as Portside shows, in Portside's theme) and {@link EmptyWindow}, each started as
 * Portside's window is: the app image's Java runtime, the JVM options of its configuration and of
 * its launcher's window branch, GTK's OpenGL off without a GPU as the launcher decides, and a
 * class-data-sharing archive of its own, written the way {@code cds-archive.sh} writes Portside's
 * (a class list recorded from one start, then {@code -Xshare:dump}, with linked classes on Java 24
 * and later).
 */
final class WindowFloors {

    /** The launcher's window branch: {@code set -- "$@" -Xms48m ...} (jpackage/linux/launcher.sh). */
    private static final Pattern WINDOW_OPTIONS = Pattern.compile("(?m)^\\s*set -- \"\\$@\" (-Xms\\S+.*)$");
    private static final Pattern SHOWN = Pattern.compile("first snapshot shown (\\d+) ms after the JVM started");

    private WindowFloors() {
    }

    /** The JVM options Portside's launcher starts its window with (configuration, then the window branch). */
    static List<String> windowOptions(Path image) throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(image.resolve("lib/app/Portside.cfg"))) {
            if (line.startsWith("java-options=")) {
                String option = line.substring("java-options=".length());
                if (!option.startsWith("-XX:SharedArchiveFile=") && !option.startsWith("-Djpackage")) {
                    options.add(option);
                }
            }
        }
        Matcher m = WINDOW_OPTIONS.matcher(Files.readString(image.resolve("bin/Portside")));
        if (m.find()) {
            options.addAll(List.of(m.group(1).trim().split("\\s+")));
        }
        return options;
    }

    /** GDK_GL=disable when the machine has no GPU device, as the launcher sets it. */
    static Map<String, String> environment(String display) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DISPLAY", display);
        if (System.getenv("GDK_GL") == null && !hasGpu()) {
            env.put("GDK_GL", "disable");
        }
        return env;
    }

    /**
     * The floors' command lines, by name, ready to start (their archives written into {@code work});
     * {@code rows} is the number of rows the table floor shows.
     */
    static Map<String, List<String>> prepare(Path image, Path work, String display, int rows) throws Exception {
        Path jar = work.resolve("floors.jar");
        writeJar(jar);
        List<String> classPath = new ArrayList<>(List.of(jar.toString()));
        for (String line : Files.readAllLines(image.resolve("lib/app/Portside.cfg"))) {
            if (line.startsWith("app.classpath=$APPDIR")) {
                classPath.add(image.resolve("lib/app").toString() + line.substring("app.classpath=$APPDIR".length()));
            }
        }
        String cp = String.join(":", classPath);
        String java = image.resolve("lib/runtime/bin/java").toString();
        List<String> options = windowOptions(image);
        Map<String, List<String>> floors = new LinkedHashMap<>();
        floors.put("a bare JavaFX table of " + rows + " rows, the same theme", List.of("-Dbench.rows=" + rows,
                TableWindow.class.getName()));
        floors.put("an empty JavaFX window", List.of(EmptyWindow.class.getName()));
        Map<String, List<String>> commands = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, List<String>> floor : floors.entrySet()) {
            Path list = work.resolve("floor" + n + ".classlist");
            Path archive = work.resolve("floor" + n + ".jsa");
            n++;
            List<String> record = new ArrayList<>(List.of(java, "-Xshare:off", "-XX:DumpLoadedClassList=" + list));
            record.addAll(options);
            record.addAll(List.of("-cp", cp));
            record.addAll(floor.getValue());
            if (firstFrame(record, environment(display)) < 0) {
                throw new IllegalStateException("the floor did not show: " + String.join(" ", record));
            }
            List<String> dump = new ArrayList<>(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + list,
                    "-XX:SharedArchiveFile=" + archive, "-Xmx256m", "-XX:+UseG1GC", "-Xlog:disable"));
            dump.addAll(archiveOptions(image));
            if (runtimeFeature(image) >= 24) {
                dump.add("-XX:+AOTClassLinking"); // as cds-archive.sh writes Portside's
            }
            dump.addAll(List.of("-cp", cp));
            CliBenchmark.run(dump);
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(options);
            command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-cp", cp));
            command.addAll(floor.getValue());
            commands.put(floor.getKey(), command);
        }
        return commands;
    }

    /**
     * Starts {@code command}, reads its output until the line "first snapshot shown N ms", ends it
     * and returns N, or -1 when it ended without the line.
     */
    static double firstFrame(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher m = SHOWN.matcher(line);
                if (m.find()) {
                    return Double.parseDouble(m.group(1));
                }
            }
            return -1;
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    /** The floors' classes as a jar: an archive holds classes from jars only. */
    private static void writeJar(Path jar) throws IOException {
        Path classes = Path.of(CliBenchmark.testClasses());
        Path dir = classes.resolve("dev/portside/bench");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
                Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = f.getFileName().toString();
                if (name.startsWith("TableWindow") || name.startsWith("EmptyWindow") || name.startsWith("FirstFrameLog")) {
                    j.putNextEntry(new JarEntry(classes.relativize(f).toString()));
                    j.write(Files.readAllBytes(f));
                    j.closeEntry();
                }
            }
        }
    }

    /**
     * The options an archive of the image must be written with to be used with its configuration
     * (its module options, the object layout), as {@code cds-archive.sh --options} says them: the
     * script that writes Portside's own archives.
     */
    static List<String> archiveOptions(Path image) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", image.resolve("lib/app/cds-archive.sh").toString(), "--options",
                image.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("cds-archive.sh --options failed for " + image);
        }
        return out.isEmpty() ? List.of() : List.of(out.split("\\s+"));
    }

    /** The image's Java runtime's feature version (17, 25), from its release file; 0 when unknown. */
    static int runtimeFeature(Path image) throws IOException {
        for (String line : Files.readAllLines(image.resolve("lib/runtime/release"))) {
            Matcher m = Pattern.compile("^JAVA_VERSION=\"(\\d+)").matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return 0;
    }

    private static boolean hasGpu() {
        for (String dir : List.of("/dev/dri", "/dev")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                if (s.map(p -> p.getFileName().toString()).anyMatch(name -> dir.equals("/dev/dri")
                        ? name.startsWith("renderD") || name.startsWith("card") : name.startsWith("nvidia"))) {
                    return true;
                }
            } catch (IOException e) {
                // no such folder: no device there
            }
        }
        return false;
    }
}
