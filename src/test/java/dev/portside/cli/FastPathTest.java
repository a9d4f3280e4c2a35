package dev.portside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.action.ProcessTerminator;
import dev.portside.core.Snapshot;
import dev.portside.knowledge.DevToolCatalogue;
import dev.portside.knowledge.Knowledge;
import dev.portside.knowledge.OwnerDescriber;
import dev.portside.knowledge.ServiceRegistry;
import dev.portside.owner.OwnerFinder;
import dev.portside.owner.Viewer;
import dev.portside.scan.OneShotScan;
import dev.portside.scan.PortScanner;
import dev.portside.testing.ChildJvm;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link FastPath} prints exactly what picocli's way prints, with the same exit code: a matrix of
 * argument lists run both ways on one real scan (a child JVM that listens, a port that is free) and
 * the same owner facts (a fixed clock, so that "started 3 minutes ago" cannot change between the
 * two runs). Argument lists that are not plainly well-formed must go to picocli.
 */
class FastPathTest {

    private static ChildJvm child;
    private static Snapshot scan;
    private static OwnerDescriber describer;
    private static int owned;
    private static int free;

    @BeforeAll
    static void scanOnce() throws IOException {
        child = ChildJvm.start("tcp");
        owned = child.port();
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = s.getLocalPort();
        }
        try (PortScanner scanner = OneShotScan.open(OneShotScan.ALL_PORTS)) {
            scan = scanner.scan();
        }
        assertThat(scan.onPort(owned)).as("the child's socket").isNotEmpty();
        Clock fixed = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        describer = new OwnerDescriber(new Fixed<>(new Knowledge(DevToolCatalogue.shared(), ServiceRegistry.shared(),
                fixed, System.getProperty("user.home", ""), Viewer.isRoot())), OwnerFinder.system());
    }

    @AfterAll
    static void stop() {
        if (child != null) {
            child.close();
        }
    }

    /** What one run printed, and its exit code. */
    private record Run(int exit, String out, String err) {
    }

    @Test
    void theHotCommandLinesPrintWhatPicocliPrints() {
        String p = String.valueOf(owned);
        String f = String.valueOf(free);
        List<String[]> hot = List.of(
                args("who", p), args("who", ":" + p), args("who", f), args("who", "0"), args("who", "70000"),
                args("who", "abc"), args("who", ""), args("who", " 00" + p + " "), args("who", "list"),
                args("list"), args("list", "--json"),
                args("free", p), args("free", p, "--force", "--tree"), args("free", "--tree", p),
                args("free", f, "--yes"), args("free", "-y", f), args("free", f, "--force", "-y", "--tree"),
                args("free", "abc"), args("free", "0", "--yes"), args("free", "65536", "-y"),
                args("why", p), args("why", "localhost:" + p), args("why", f, "--json"), args("why", "--json", p),
                args("why", "connect", "ECONNREFUSED", "127.0.0.1:" + f), args("why", "no port here"),
                args("why", "http://[::1]:" + p + "/"));
        for (String[] a : hot) {
            FastPath.Invocation fast = FastPath.match(command(), a);
            assertThat(fast).as("%s takes the fast path", String.join(" ", a)).isNotNull();
            Run quick = fast(fast);
            Run picocli = picocli(a);
            assertThat(timeless(quick)).as("portside %s", String.join(" ", a)).isEqualTo(timeless(picocli));
        }
    }

    @Test
    void theFastPathAnswersAreTheRealOnes() {
        // not only equal, but the answers themselves: so that an empty matrix could not pass
        Run who = fast(FastPath.match(command(), args("who", String.valueOf(owned))));
        assertThat(who.exit()).isZero();
        assertThat(who.out()).contains("java (pid " + child.pid() + ")");
        Run nobody = fast(FastPath.match(command(), args("who", String.valueOf(free))));
        assertThat(nobody.exit()).isEqualTo(1);
        Run bad = fast(FastPath.match(command(), args("who", "abc")));
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).startsWith("portside who: ");
        Run why = fast(FastPath.match(command(), args("why", "127.0.0.1:" + owned)));
        assertThat(why.exit()).isZero();
        assertThat(why.out()).contains("Port " + owned).contains("pid " + child.pid());
        Run stopsAtTheQuestion = fast(FastPath.match(command(), args("free", String.valueOf(owned))));
        assertThat(stopsAtTheQuestion.exit()).isEqualTo(1);
        assertThat(child.process().isAlive()).isTrue();
    }

    @Test
    void everythingElseGoesToPicocli() {
        String p = String.valueOf(owned);
        List<String[]> others = List.of(
                args(), args("who"), args("who", p, p), args("who", "-1"), args("who", "--help"), args("who", "-h"),
                args("who", "@ports.txt"), args("who", "--", p), args("--scanner", "oshi", "who", p),
                args("list", "--watch"), args("list", "--json", "--json"), args("list", "--json=true"),
                args("list", "-h"), args("free"), args("free", p, p), args("free", p, "--yes", "--yes"),
                args("free", p, "-y", "--yes"), args("free", p, "--pid", "1"), args("free", p, "--force", "--force"),
                args("free", p, "--forc"), args("why"), args("why", "-"), args("why", p, "--bind"),
                args("why", p, "--json", "--json"), args("why", "--bind-address", "::", p), args("doctor"),
                args("--version"), args("wh", p));
        for (String[] a : others) {
            assertThat(FastPath.match(command(), a)).as("portside %s goes to picocli", String.join(" ", a)).isNull();
        }
    }

    @Test
    void aPicocliSystemPropertySendsEverythingToPicocli() {
        System.setProperty("picocli.trace", "OFF");
        try {
            assertThat(FastPath.match(command(), args("who", String.valueOf(owned)))).isNull();
        } finally {
            System.clearProperty("picocli.trace");
        }
    }

    @Test
    void aFailureInsideTheCommandIsOneLineAsPicocliSaysIt() {
        FastPath.Invocation failing = (out, err) -> {
            throw new IllegalStateException("the disk is on fire");
        };
        StringWriter err = new StringWriter();
        int exit = FastPath.execute(failing, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("portside: the disk is on fire" + System.lineSeparator());
    }

    /**
     * The same run without what the runs themselves change: how long a connect took ("refused in 3
     * ms", "ms": 3), and the connections on the port (each run's own connect leaves one in CLOSE_WAIT
     * at the child, which never accepts).
     */
    private static Run timeless(Run r) {
        return new Run(r.exit(), timeless(r.out()), timeless(r.err()));
    }

    private static String timeless(String text) {
        return text.replaceAll("\\b\\d+ ms\\b", "N ms").replaceAll("\"ms\": \\d+", "\"ms\": N")
                .replaceAll("TCP connections on port (\\d+): [^\n]*", "TCP connections on port $1: …")
                .replaceAll("\"CLOSE_WAIT\": \\d+", "\"CLOSE_WAIT\": N");
    }

    private static String[] args(String... a) {
        return a;
    }

    /** A command whose scans all return the one scan, with the fixed describer, and no terminal. */
    private static PortsideCommand command() {
        PortsideCommand c = new PortsideCommand(a -> {
            throw new AssertionError("the CLI must not open the window");
        });
        c.oneShotScanner = port -> new FixedScanner();
        c.describer = new Fixed<>(describer);
        c.terminalInput = () -> null;
        c.terminator = () -> new ProcessTerminator(Duration.ofSeconds(15));
        return c;
    }

    private static Run fast(FastPath.Invocation invocation) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = FastPath.execute(invocation, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run picocli(String[] a) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = PortsideCommand.commandLine(command(), a);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(a);
        return new Run(exit, out.toString(), err.toString());
    }

    private static final class FixedScanner implements PortScanner {
        @Override
        public Snapshot scan() {
            return scan;
        }

        @Override
        public String name() {
            return "fixed";
        }
    }

    private static final class Fixed<T> implements java.util.function.Supplier<T> {
        private final T value;

        Fixed(T value) {
            this.value = value;
        }

        @Override
        public T get() {
            return value;
        }
    }
}
