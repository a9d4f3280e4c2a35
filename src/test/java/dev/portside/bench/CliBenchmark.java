package dev.portside.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up of the command line and the window, as whole processes (docs/PERFORMANCE.md, "Start-up
 * of a command"): each command of the app image ({@code target/dist/Portside}, or the installed
 * {@code /opt/portside} with {@code -Dbench.image=/opt/portside}) and of {@code java -jar
 * target/portside.jar}, interleaved round by round with its peers: {@code lsof} asked the same
 * question, and a hello-world program started with the image's own Java runtime and options (and
 * the runtime's default class-data-sharing archive). Then the window: time from start to the log
 * line "first snapshot shown", under Xvfb, each start followed by one of each of its floors
 * ({@link WindowFloors}: a bare JavaFX table of as many rows, an empty JavaFX window). Rewrites the
 * {@code bench:cli} section of the document.
 */
public final class CliBenchmark {

    private static final Pattern SHOWN = Pattern.compile("first snapshot shown (\\d+) ms after the JVM started");

    private CliBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String only = System.getProperty("bench.only", "all");
        if (!only.equals("all") && !only.equals("cli")) {
            return;
        }
        int rounds = Integer.getInteger("bench.rounds", 15);
        Path out = Path.of(System.getProperty("bench.out", "docs/PERFORMANCE.md"));
        Path image = Path.of(System.getProperty("bench.image", "target/dist/Portside")).toAbsolutePath();
        Path jar = Path.of(System.getProperty("bench.jar", "target/portside.jar")).toAbsolutePath();
        Path work = Files.createTempDirectory("portside-cli-bench");
        Path launcher = image.resolve("bin/Portside");
        if (!Files.isExecutable(launcher)) {
            System.err.println("No app image at " + image + ": build it first (mvn -Ppackage -DskipTests "
                    + "-Djpackage.imageOnly package), or run mvn -Ppackage,bench -Djpackage.imageOnly verify.");
            System.exit(2);
        }
        // a listener that accepts and closes (a server that works), so that why's connect is answered every round
        Process listener = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                AcceptingListener.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            int port = listenerPort(listener);
            String section = measure(image, jar, work, port, rounds);
            System.out.println(section);
            ScanBenchmark.writeInto(out, section, "cli");
            System.out.println("Written to " + out.toAbsolutePath());
        } finally {
            listener.destroy();
            listener.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String measure(Path image, Path jar, Path work, int port, int rounds) throws Exception {
        String p = String.valueOf(port);
        String launcher = image.resolve("bin/Portside").toString();
        Path runtimeJava = image.resolve("lib/runtime/bin/java");
        // the hello-world peer: the image's runtime with the launcher's JVM options and the runtime's default archive
        Path helloArchive = work.resolve("hello.jsa");
        // with the options an archive of the image must be written with (cds-archive.sh --options)
        List<String> dump = new ArrayList<>(List.of(runtimeJava.toString(), "-Xshare:dump",
                "-XX:SharedArchiveFile=" + helloArchive, "-Xlog:disable"));
        dump.addAll(WindowFloors.archiveOptions(image));
        run(dump);
        List<String> hello = new ArrayList<>(List.of(runtimeJava.toString()));
        for (String option : launcherOptions(image)) {
            if (!option.startsWith("-XX:SharedArchiveFile=") && !option.startsWith("-Djpackage")) {
                hello.add(option);
            }
        }
        hello.addAll(List.of("-XX:SharedArchiveFile=" + helloArchive, "-cp", testClasses(), Hello.class.getName()));

        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("lsof -nP -iTCP:PORT -sTCP:LISTEN", List.of("lsof", "-nP", "-iTCP:" + p, "-sTCP:LISTEN"));
        commands.put("hello world (same runtime)", hello);
        commands.put("Portside who PORT", List.of(launcher, "who", p));
        commands.put("Portside list", List.of(launcher, "list"));
        commands.put("Portside list --json", List.of(launcher, "list", "--json"));
        commands.put("Portside free PORT (to the question)", List.of(launcher, "free", p));
        commands.put("Portside why PORT", List.of(launcher, "why", p));
        commands.put("Portside --version", List.of(launcher, "--version"));
        commands.put("Portside --help", List.of(launcher, "--help"));
        commands.put("java -jar target/portside.jar who PORT", List.of(java(), "-jar", jar.toString(), "who", p));
        Map<String, double[]> wall = new LinkedHashMap<>();
        Map<String, double[]> cpu = new LinkedHashMap<>();
        commands.keySet().forEach(k -> wall.put(k, new double[rounds]));
        commands.keySet().forEach(k -> cpu.put(k, new double[rounds]));
        double loadBefore = loadAverage();
        for (int r = -2; r < rounds; r++) { // two rounds to warm the file cache
            for (Map.Entry<String, List<String>> c : commands.entrySet()) {
                double cpuBefore = ChildrenCpu.millis();
                double ms = run(c.getValue());
                if (r >= 0) {
                    wall.get(c.getKey())[r] = ms;
                    cpu.get(c.getKey())[r] = ChildrenCpu.millis() - cpuBefore;
                }
            }
        }
        Map<String, Double> median = new LinkedHashMap<>();
        wall.forEach((k, v) -> median.put(k, ScanBenchmark.median(v.clone())));
        Map<String, Double> cpuMedian = new LinkedHashMap<>();
        cpu.forEach((k, v) -> cpuMedian.put(k, ScanBenchmark.median(v.clone())));
        double lsof = median.get("lsof -nP -iTCP:PORT -sTCP:LISTEN");
        double helloMs = median.get("hello world (same runtime)");

        StringBuilder sb = new StringBuilder();
        boolean installed = !image.startsWith(Path.of("").toAbsolutePath());
        sb.append("Measured ").append(LocalDate.now()).append(" with `")
                .append(installed ? "mvn -Pbench verify -Dbench.only=cli -Dbench.image=" + image
                        : "mvn -Ppackage,bench -Djpackage.imageOnly verify -Dbench.only=cli")
                .append("` (")
                .append(rounds).append(" interleaved rounds after two warm-up rounds; medians of whole processes, ")
                .append(String.format(Locale.ROOT, "load average %.1f at the start, %.1f at the end", loadBefore,
                        loadAverage())).append("). Image: `")
                .append(image).append("`; ").append(processCount()).append(" processes on the machine. CPU: user and "
                        + "system time of the process (getrusage), which other work on the machine inflates much less "
                        + "than the wall time.\n\n");
        sb.append("| command | wall, ms | CPU, ms | peer | ratio (wall) | target |\n|---|---:|---:|---|---:|---|\n");
        for (Map.Entry<String, Double> e : median.entrySet()) {
            String k = e.getKey();
            double cpuMs = cpuMedian.get(k);
            if (k.startsWith("lsof") || k.startsWith("hello")) {
                sb.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | | | |%n", k, e.getValue(), cpuMs));
                continue;
            }
            boolean vsHello = k.endsWith("--version") || k.endsWith("--help");
            double peer = vsHello ? helloMs : lsof;
            double ratio = e.getValue() / peer;
            if (k.contains(" why ")) { // issue 14 names who, list and free; why connects and waits by design
                sb.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | lsof | %.1f× | (none) |%n", k, e.getValue(),
                        cpuMs, ratio));
                continue;
            }
            double limit = vsHello ? 2 : k.startsWith("java -jar") ? 8 : 4;
            sb.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %s | %.1f× | ≤ %.0f×: %s |%n", k, e.getValue(),
                    cpuMs, vsHello ? "hello world" : "lsof", ratio, limit, ratio <= limit ? "met" : "missed"));
        }
        sb.append('\n').append(window(image, work));
        return sb.toString();
    }

    /**
     * The window's start-up under Xvfb (the app's own log line, and the wall time until it appears),
     * interleaved start by start with its floors ({@link WindowFloors}): a bare JavaFX table of as
     * many rows as the window shows, and an empty JavaFX window.
     */
    private static String window(Path image, Path work) throws Exception {
        String launcher = image.resolve("bin/Portside").toString();
        String display = System.getenv("DISPLAY");
        Process xvfb = null;
        if (display == null) {
            if (!onPath("Xvfb")) {
                return "Window start-up: not measured (no DISPLAY and no Xvfb).\n";
            }
            display = ":" + (150 + (int) (ProcessHandle.current().pid() % 50));
            xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1400x900x24", "-nolisten", "tcp")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Path socket = Path.of("/tmp/.X11-unix/X" + display.substring(1));
            for (int i = 0; i < 100 && !Files.exists(socket); i++) {
                Thread.sleep(50);
            }
        }
        int runs = Integer.getInteger("bench.windowRuns", 7);
        int rows = rowsShown(launcher);
        double[] logged = new double[runs];
        double[] seen = new double[runs];
        Map<String, double[]> floorLogged = new LinkedHashMap<>();
        try {
            Map<String, List<String>> floors = WindowFloors.prepare(image, work, display, rows);
            floors.keySet().forEach(k -> floorLogged.put(k, new double[runs]));
            for (int i = -1; i < runs; i++) {
                Path config = Files.createTempDirectory(work, "config");
                long started = System.nanoTime();
                double ms = WindowFloors.firstFrame(List.of(launcher),
                        Map.of("DISPLAY", display, "XDG_CONFIG_HOME", config.toString()));
                double wallMs = (System.nanoTime() - started) / 1e6;
                if (i >= 0) {
                    logged[i] = ms;
                    seen[i] = wallMs;
                }
                for (Map.Entry<String, List<String>> floor : floors.entrySet()) {
                    double floorMs = WindowFloors.firstFrame(floor.getValue(), WindowFloors.environment(display));
                    if (i >= 0) {
                        floorLogged.get(floor.getKey())[i] = floorMs;
                    }
                }
            }
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
        double log = ScanBenchmark.median(logged.clone());
        double wall = ScanBenchmark.median(seen.clone());
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Window (`%s` under Xvfb, %d starts after one to "
                + "warm up, a new settings folder each, %d rows): the table was filled %.0f ms after the JVM started "
                + "(its log line \"first snapshot shown\"; target ≤ 700 ms: %s), %.0f ms after the launcher was started "
                + "(medians; each start: %s).%n", launcher, runs, rows, log, log <= 700 ? "met" : "missed", wall,
                Arrays.toString(logged)));
        sb.append(String.format(Locale.ROOT, "%nIts floors, started between its starts with the same runtime, JVM "
                + "options and an archive of their own (`WindowFloors`), to the end of their first laid-out frame:%n"));
        floorLogged.forEach((name, values) -> sb.append(String.format(Locale.ROOT, "- %s: %.0f ms (Portside's window %.0f ms "
                + "later; each start: %s)%n", name, ScanBenchmark.median(values.clone()),
                log - ScanBenchmark.median(values.clone()), Arrays.toString(values))));
        return sb.toString();
    }

    /** How many rows the window shows now: the sockets {@code list} finds. */
    private static int rowsShown(String launcher) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(launcher, "list", "--json").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return (json.length() - json.replace("\"protocol\"", "").length()) / "\"protocol\"".length();
    }

    static double run(List<String> command) throws IOException, InterruptedException {
        long t = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not end");
        }
        return (System.nanoTime() - t) / 1e6;
    }

    private static List<String> launcherOptions(Path image) throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(image.resolve("lib/app/Portside.cfg"))) {
            if (line.startsWith("java-options=")) {
                options.add(line.substring("java-options=".length()));
            }
        }
        return options;
    }

    private static int listenerPort(Process listener) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(listener.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine(); // "LISTENING PORT"
        if (line == null || !line.startsWith("LISTENING ")) {
            throw new IllegalStateException("the listener did not start: " + line);
        }
        return Integer.parseInt(line.substring("LISTENING ".length()).trim());
    }

    static String testClasses() {
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (e.endsWith("test-classes")) {
                return e;
            }
        }
        return "target/test-classes";
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long processCount() {
        try (var s = Files.list(Path.of("/proc"))) {
            return s.filter(x -> Character.isDigit(x.getFileName().toString().charAt(0))).count();
        } catch (IOException e) {
            return -1;
        }
    }
}
