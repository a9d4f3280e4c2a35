package dev.portside.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portside.testing.ChildJvm;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A terminal command loads only what it uses (docs/PERFORMANCE.md, "Start-up of a command"): the
 * classes a real {@code portside} process loads, read from the JVM's class-loading log. JNA, OSHI,
 * logging and JavaFX cost more to load than a one-shot command's whole scan.
 */
class StartUpClassesTest {

    private static final List<String> NEVER_IN_A_COMMAND = List.of("com.sun.jna.", "oshi.", "org.slf4j.", "javafx.");

    @TempDir
    Path dir;

    @Test
    void whoLoadsNoNativeBindingLoggingOrToolkit() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "the one-shot /proc scan is Linux's");
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<String> loaded = classesLoadedBy("who", String.valueOf(s.getLocalPort()));
            assertThat(loaded).contains("dev.portside.cli.WhoCommand", "dev.portside.scan.OneShotScan",
                    "dev.portside.knowledge.CompiledCatalogue");
            assertThat(loaded).noneMatch(c -> NEVER_IN_A_COMMAND.stream().anyMatch(c::startsWith));
            // the fast path: no parser model, no annotation proxies; the catalogue read without Gson;
            // not one class of either (loading one from a plain jar, java -jar, searched and opened
            // every jar before it on the class path: JavaFX's, OSHI's, JNA's)
            assertThat(loaded).noneMatch(c -> c.startsWith("picocli.") || c.startsWith("com.google.gson."))
                    .noneMatch(c -> c.contains("$Proxy"));
            // nothing generated at run time that the class-data-sharing archive cannot hold: no
            // Comparator.comparing (serializable lambdas), no record equals/hashCode (method handles),
            // no DateTimeFormatter set-up for one start time
            assertThat(loaded).noneMatch(c -> c.startsWith("java.util.Comparator$$Lambda"))
                    .doesNotContain("java.lang.runtime.ObjectMethods", "java.time.format.DateTimeFormatter");
        }
    }

    @Test
    void listGeneratesNoRecordMethodsOrComparators() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "the one-shot /proc scan is Linux's");
        try (ServerSocket a = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocket b = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<String> loaded = classesLoadedBy("list"); // two sockets or more: the scanner compares their keys
            assertThat(loaded).contains("dev.portside.cli.ListCommand")
                    .noneMatch(c -> c.startsWith("java.util.Comparator$$Lambda"))
                    .doesNotContain("java.lang.runtime.ObjectMethods", "java.time.format.DateTimeFormatter");
        }
    }

    @Test
    void listJsonLoadsNoNativeBindingLoggingOrToolkit() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "the one-shot /proc scan is Linux's");
        List<String> loaded = classesLoadedBy("list", "--json");
        assertThat(loaded).contains("dev.portside.cli.ListCommand", "com.google.gson.stream.JsonWriter");
        assertThat(loaded).noneMatch(c -> NEVER_IN_A_COMMAND.stream().anyMatch(c::startsWith));
    }

    @Test
    void freeUpToTheQuestionLoadsNoNativeBindingLoggingOshiOrToolkit() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "the one-shot /proc scan is Linux's");
        // a listener in a process of its own (one of the test's, the command's ancestor, would be refused
        // before the permission check), with a child, so that the confirmation lists a descendant
        try (ChildJvm server = ChildJvm.start("tcp", "--also-child", "udp")) {
            // without a terminal free stops at its question; whether this user may end the server is
            // predicted from /proc (KillPermission), not asked through JNA's kill(pid, 0)
            List<String> loaded = classesLoadedBy("free", String.valueOf(server.port()));
            assertThat(loaded).contains("dev.portside.cli.FreeCommand", "dev.portside.platform.KillPermission",
                    "dev.portside.action.Preparation$Ready")
                    .noneMatch(c -> NEVER_IN_A_COMMAND.stream().anyMatch(c::startsWith))
                    .doesNotContain("picocli.CommandLine");
        }
    }

    @Test
    void versionLoadsNotEvenTheCommandLineParser() throws Exception {
        List<String> loaded = classesLoadedBy("--version");
        // (its interfaces and exception types load with our classes; the parser and its model do not)
        assertThat(loaded).contains("dev.portside.cli.Version")
                .noneMatch(c -> c.equals("picocli.CommandLine") || c.startsWith("picocli.CommandLine$Model"));
    }

    @Test
    void helpBuildsNoCommandModel() throws Exception {
        List<String> loaded = classesLoadedBy("--help");
        // no parser, and no annotation read (each annotation type read makes the JDK generate a proxy class)
        assertThat(loaded).contains("dev.portside.cli.UsageText").doesNotContain("picocli.CommandLine")
                .noneMatch(c -> c.contains("$Proxy"));
    }

    /** Runs {@code portside ARGS} in a new JVM and returns the names of the classes it loaded. */
    private List<String> classesLoadedBy(String... args) throws IOException, InterruptedException {
        Path log = dir.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                "dev.portside.Launcher"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("portside %s ended", String.join(" ", args)).isTrue();
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            // "[0.012s][info][class,load] java.lang.Object source: shared objects file"
            int at = line.indexOf("] ", line.indexOf("class,load"));
            if (at > 0) {
                String rest = line.substring(at + 2);
                int space = rest.indexOf(' ');
                names.add(space < 0 ? rest : rest.substring(0, space));
            }
        }
        assertThat(names).as("the class-loading log").isNotEmpty();
        return names;
    }
}
