package dev.portside.bench;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import dev.portside.core.Snapshot;
import dev.portside.scan.LinuxPortScanner;
import dev.portside.scan.OshiPortScanner;
import dev.portside.scan.PortScanner;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The scanner benchmark: builds loads on loopback (S0 idle, S1 +1,000 TCP listeners, S2 +10,000,
 * S3 +5,000 established loopback connections, S4 +300 extra processes), and for each measures,
 * interleaved round by round, one poll of Portside's scanner in steady state, one cold poll (a new
 * scanner, empty caches), one poll of the plain OSHI scanner, and one run of {@code ss -H -ltunp}.
 * Prints medians and ratios and writes them into docs/PERFORMANCE.md between bench markers.
 *
 * <p>Run: {@code mvn -Pbench verify} (options: {@code -Dbench.rounds=15 -Dbench.scenarios=S0,S1}).
 * Linux only. Every load is removed before the next scenario and on exit.
 */
public final class ScanBenchmark {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** getrusage(RUSAGE_CHILDREN): CPU time of ss runs, in microseconds. */
    static final class Rusage {
        static {
            Native.register(Rusage.class, Platform.C_LIBRARY_NAME);
        }

        static native int getrusage(int who, byte[] usage);

        static long childrenCpuMicros() {
            byte[] b = new byte[144];
            getrusage(-1, b);
            ByteBuffer v = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
            return v.getLong(0) * 1_000_000 + v.getLong(8) + v.getLong(16) * 1_000_000 + v.getLong(24);
        }
    }

    record Sample(double wallMs, double cpuMs, double allocKb, int sockets) {
    }

    record Row(String scenario, String description, List<Sample> steady, List<Sample> cold, List<Sample> oshi,
            List<Sample> ss) {
    }

    private final List<AutoCloseable> load = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private long measureOverheadBytes;

    public static void main(String[] args) throws Exception {
        if (!List.of("all", "scan").contains(System.getProperty("bench.only", "all"))) {
            return;
        }
        if (!System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux")) {
            System.err.println("The benchmark compares with ss and the Linux fast path: run it on Linux.");
            System.exit(2);
        }
        int rounds = Integer.getInteger("bench.rounds", 15);
        List<String> wanted = Arrays.asList(System.getProperty("bench.scenarios", "S0,S1,S2,S3,S4").split(","));
        Path out = Path.of(System.getProperty("bench.out", "docs/PERFORMANCE.md"));
        ScanBenchmark bench = new ScanBenchmark();
        Runtime.getRuntime().addShutdownHook(new Thread(bench::cleanUp));
        List<Row> rows = new ArrayList<>();
        long limit = openFileLimit();
        for (String s : wanted) {
            int fdsNeeded = switch (s) {
                case "S2" -> 10_200;
                case "S3" -> 10_200;
                default -> 1_500;
            };
            if (limit > 0 && limit < fdsNeeded) {
                System.out.printf("%s skipped: it needs about %d open files, ulimit -n is %d (raise it with ulimit -n 20000)%n",
                        s, fdsNeeded, limit);
                continue;
            }
            try {
                String description = bench.build(s.trim());
                System.out.printf("%s: %s%n", s, description);
                rows.add(bench.measure(s.trim(), description, rounds));
            } finally {
                bench.cleanUp();
            }
        }
        String report = report(rows, rounds);
        System.out.println(report);
        writeInto(out, report, "scan");
        System.out.println("Written to " + out.toAbsolutePath());
    }

    private String build(String scenario) throws IOException {
        switch (scenario) {
            case "S0" -> {
                return "idle (the machine as it is)";
            }
            case "S1", "S2" -> {
                int n = scenario.equals("S1") ? 1_000 : 10_000;
                for (int i = 0; i < n; i++) {
                    var server = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.INET);
                    load.add(server);
                    server.bind(new InetSocketAddress("127.0.0.1", 0), 4);
                }
                return "+" + String.format(Locale.ROOT, "%,d", n) + " TCP listeners on 127.0.0.1";
            }
            case "S3" -> {
                var server = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.INET);
                load.add(server);
                server.bind(new InetSocketAddress("127.0.0.1", 0), 512);
                for (int i = 0; i < 5_000; i++) {
                    var client = java.nio.channels.SocketChannel.open(StandardProtocolFamily.INET);
                    load.add(client);
                    client.connect(server.getLocalAddress());
                    load.add(server.accept());
                }
                return "+5,000 established TCP connections on 127.0.0.1 (10,000 sockets)";
            }
            case "S4" -> {
                for (int i = 0; i < 300; i++) {
                    // each holds its three pipe fds and a few of its own
                    processes.add(new ProcessBuilder("sleep", "600").start());
                }
                return "+300 processes (sleep, each with a few open files)";
            }
            default -> throw new IllegalArgumentException("unknown scenario " + scenario + " (S0 to S4)");
        }
    }

    private Row measure(String scenario, String description, int rounds) throws Exception {
        // what the measuring itself allocates, subtracted from every sample
        measureOverheadBytes = 0;
        measureOverheadBytes = (long) median(repeat(30, () -> sample(() -> null)), s -> s.allocKb() * 1024);
        List<Sample> steady = new ArrayList<>();
        List<Sample> cold = new ArrayList<>();
        List<Sample> oshi = new ArrayList<>();
        List<Sample> ss = new ArrayList<>();
        try (LinuxPortScanner ours = LinuxPortScanner.netlink(); OshiPortScanner portable = new OshiPortScanner()) {
            // warm up: JIT, caches, page cache
            for (int i = 0; i < 5; i++) {
                ours.scan();
                try (LinuxPortScanner c = LinuxPortScanner.netlink()) {
                    c.scan();
                }
            }
            for (int i = 0; i < 2; i++) {
                portable.scan();
                runSs();
            }
            for (int r = 0; r < rounds; r++) {
                steady.add(sample(ours::scan));
                cold.add(sample(() -> {
                    try (LinuxPortScanner c = LinuxPortScanner.netlink()) {
                        return c.scan();
                    }
                }));
                oshi.add(sample(portable::scan));
                ss.add(runSs());
            }
        }
        return new Row(scenario, description, steady, cold, oshi, ss);
    }

    private static <T> List<T> repeat(int n, Supplier<T> s) {
        List<T> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(s.get());
        }
        return l;
    }

    /** One poll: wall time, CPU time and bytes allocated of all Java threads (OSHI may use several). */
    private Sample sample(Supplier<Snapshot> poll) {
        long[] ids = THREADS.getAllThreadIds();
        long allocBefore = sum(THREADS.getThreadAllocatedBytes(ids));
        long cpuBefore = sum(THREADS.getThreadCpuTime(ids));
        long t0 = System.nanoTime();
        Snapshot s = poll.get();
        long wall = System.nanoTime() - t0;
        long cpu = sum(THREADS.getThreadCpuTime(ids)) - cpuBefore;
        long alloc = sum(THREADS.getThreadAllocatedBytes(ids)) - allocBefore - measureOverheadBytes;
        return new Sample(wall / 1e6, cpu / 1e6, Math.max(0, alloc) / 1024.0, s == null ? 0 : s.sockets().size());
    }

    private static long sum(long[] values) {
        long t = 0;
        for (long v : values) {
            t += Math.max(0, v);
        }
        return t;
    }

    /** {@code ss -H -ltunp} as a process, its output read to the end (as a script would). */
    private static Sample runSs() {
        try {
            long cpuBefore = Rusage.childrenCpuMicros();
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("ss", "-H", "-ltunp").redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor(60, TimeUnit.SECONDS);
            long wall = System.nanoTime() - t0;
            long cpu = Rusage.childrenCpuMicros() - cpuBefore;
            int lines = (int) new String(out, StandardCharsets.UTF_8).lines().count();
            return new Sample(wall / 1e6, cpu / 1e3, 0, lines);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ss: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private synchronized void cleanUp() {
        for (AutoCloseable c : load) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        load.clear();
        for (Process p : processes) {
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }

    static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length == 0 ? Double.NaN : c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    static double median(List<Sample> l, java.util.function.ToDoubleFunction<Sample> f) {
        return median(l.stream().mapToDouble(f).toArray());
    }

    private static String report(List<Row> rows, int rounds) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("Measured ").append(LocalDate.now()).append(" on ").append(machine()).append(".\n");
        sb.append("Command: `mvn -Pbench verify` (").append(rounds)
                .append(" interleaved rounds per scenario after a warm-up; medians).\n\n");
        sb.append("Wall time per poll, ms (ratio to `ss -H -ltunp`):\n\n");
        sb.append("| Scenario | sockets | Portside steady | Portside cold | OSHI | ss -H -ltunp |\n");
        sb.append("|---|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            double ss = median(r.ss(), Sample::wallMs);
            sb.append(String.format(Locale.ROOT, "| %s %s | %d | %.2f (%.2f\u00d7) | %.1f (%.2f\u00d7) | %.1f (%.2f\u00d7) | %.1f |%n",
                    r.scenario(), r.description(), (int) median(r.steady(), Sample::sockets),
                    median(r.steady(), Sample::wallMs), median(r.steady(), Sample::wallMs) / ss,
                    median(r.cold(), Sample::wallMs), median(r.cold(), Sample::wallMs) / ss,
                    median(r.oshi(), Sample::wallMs), median(r.oshi(), Sample::wallMs) / ss, ss));
        }
        sb.append("\nCPU time per poll, ms (all Java threads for Portside and OSHI; the ss child process, from getrusage, for ss):\n\n");
        sb.append("| Scenario | Portside steady | Portside cold | OSHI | ss -H -ltunp |\n|---|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %.2f | %.1f | %.1f | %.1f |%n", r.scenario(),
                    median(r.steady(), Sample::cpuMs), median(r.cold(), Sample::cpuMs), median(r.oshi(), Sample::cpuMs),
                    median(r.ss(), Sample::cpuMs)));
        }
        sb.append("\nBytes allocated per poll (all JVM threads), KB:\n\n");
        sb.append("| Scenario | Portside steady | Portside cold | OSHI |\n|---|---:|---:|---:|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %.1f | %.0f | %.0f |%n", r.scenario(),
                    median(r.steady(), Sample::allocKb), median(r.cold(), Sample::allocKb),
                    median(r.oshi(), Sample::allocKb)));
        }
        sb.append("\nTargets: steady \u2264 0.1\u00d7 ss wall: ");
        sb.append(verdict(rows, r -> median(r.steady(), Sample::wallMs) / median(r.ss(), Sample::wallMs) <= 0.1));
        sb.append("; cold \u2264 1\u00d7 ss: ");
        sb.append(verdict(rows, r -> median(r.cold(), Sample::wallMs) / median(r.ss(), Sample::wallMs) <= 1.0));
        sb.append("; steady \u2264 1 MB allocated: ");
        sb.append(verdict(rows, r -> median(r.steady(), Sample::allocKb) <= 1024));
        sb.append(".\n");
        return sb.toString();
    }

    private static String verdict(List<Row> rows, java.util.function.Predicate<Row> ok) {
        List<String> missed = rows.stream().filter(ok.negate()).map(Row::scenario).toList();
        return missed.isEmpty() ? "met in every scenario" : "missed in " + String.join(", ", missed);
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
        return String.format(Locale.ROOT, "%s, %d cores, %.0f GB RAM, Linux %s, Java %s, ulimit -n %d", cpu,
                Runtime.getRuntime().availableProcessors(), memKb / 1024.0 / 1024.0, System.getProperty("os.version"),
                System.getProperty("java.version"), openFileLimit());
    }

    static long openFileLimit() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (l.startsWith("Max open files")) {
                    String[] f = l.substring("Max open files".length()).trim().split("\\s+");
                    return f[0].equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(f[0]);
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // unknown
        }
        return -1;
    }

    /** Replaces the text between the bench markers in the document (creating it if needed). */
    static void writeInto(Path doc, String section, String name) throws IOException {
        String start = "<!-- bench:" + name + ":start -->";
        String end = "<!-- bench:" + name + ":end -->";
        String text = Files.exists(doc) ? Files.readString(doc) : "# Performance\n\n" + start + "\n" + end + "\n";
        int a = text.indexOf(start);
        int b = text.indexOf(end);
        if (a < 0 || b < a) {
            text = text + "\n" + start + "\n" + end + "\n";
            a = text.indexOf(start);
            b = text.indexOf(end);
        }
        text = text.substring(0, a + start.length()) + "\n" + section + text.substring(b);
        Files.createDirectories(doc.toAbsolutePath().getParent());
        Files.writeString(doc, text);
    }
}
