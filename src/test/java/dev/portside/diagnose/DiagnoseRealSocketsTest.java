package dev.portside.diagnose;

import static dev.portside.diagnose.RealListeners.freePort;
import static dev.portside.diagnose.RealListeners.listen;
import static dev.portside.diagnose.RealListeners.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portside.core.IpAddress;
import dev.portside.platform.OsFamily;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Each finding on this computer's real sockets: listeners of this JVM (IPv4-only and IPv6-only
 * channels), a real TIME_WAIT, real connects and binds. The cases that need another user run the
 * command line as that user ({@code WhyCommandTest}); Windows and macOS are recorded ({@code DiagnoserTest}).
 */
class DiagnoseRealSocketsTest {

    private final Diagnose diagnose = new Diagnose(Diagnose.Sources.thisComputer(RealListeners.scanner()), RealListeners.STEPS);

    private Diagnosis run(String text) {
        Diagnose.Outcome o = diagnose.run(text);
        assertThat(o).as(text).isInstanceOf(Diagnose.Diagnosed.class);
        return ((Diagnose.Diagnosed) o).diagnosis();
    }

    private Diagnosis runBinding(String text, String address) {
        Diagnose.Outcome o = diagnose.run(text, Diagnose.BindRequest.at(IpAddress.parse(address)));
        return ((Diagnose.Diagnosed) o).diagnosis();
    }

    @Test
    void listening() throws IOException {
        try (ServerSocketChannel l = listen("127.0.0.1")) {
            Diagnosis d = run("127.0.0.1:" + port(l));
            assertThat(d.findings().get(0).code()).isEqualTo(FindingCode.LISTENING);
            assertThat(d.findings().get(0).message()).contains("pid " + ProcessHandle.current().pid())
                    .contains("answers at 127.0.0.1:" + port(l));
            assertThat(d.findings().get(0).actions()).extracting(FindingAction::value)
                    .contains("http://127.0.0.1:" + port(l) + "/");
            assertThat(d.exitCode()).isZero();
            assertThat(d.factLines()).anyMatch(line -> line.startsWith("Connect to 127.0.0.1:" + port(l) + ": connected"));
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aServerThatNeverAcceptsIsSaidToHaveAFullQueue() throws IOException {
        // Backlog 1: the system completes two connections for it (its accept queue), then leaves
        // the next ones without an answer, as for a frozen server or the benchmark's old listener.
        try (ServerSocketChannel l = ServerSocketChannel.open()) {
            l.bind(new InetSocketAddress("127.0.0.1", 0), 1);
            List<Socket> queued = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Socket s = new Socket();
                    queued.add(s);
                    try {
                        s.connect(new InetSocketAddress("127.0.0.1", port(l)), 300);
                    } catch (java.net.SocketTimeoutException e) {
                        break; // the queue is full
                    }
                }
                Diagnosis d = run(String.valueOf(port(l)));
                Finding f = d.finding(FindingCode.NO_ANSWER).orElseThrow();
                assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
                assertThat(f.message()).contains("pid " + ProcessHandle.current().pid())
                        .contains("2 connections already wait for it to accept them").contains("its queue is full");
            } finally {
                for (Socket s : queued) {
                    s.close();
                }
            }
        }
    }

    @Test
    void nothingListening() throws IOException {
        int port = freePort();
        Diagnosis d = run("Error: connect ECONNREFUSED 127.0.0.1:" + port);
        assertThat(d.findings()).extracting(Finding::code).containsExactly(FindingCode.NOTHING_LISTENING);
        assertThat(d.exitCode()).isEqualTo(1);
        assertThat(d.factLines()).contains("Connect to 127.0.0.1:" + port + ": refused in "
                + d.facts().attempts().get(0).millis() + " ms, ECONNREFUSED (111): connection refused: nothing listens there");
    }

    @Test
    void familyMismatchWithAServerOnIpv6Only() throws IOException {
        try (ServerSocketChannel l = listen("::1")) {
            Diagnosis d = run("curl: (7) Failed to connect to 127.0.0.1 port " + port(l) + ": Connection refused");
            Finding f = d.findings().get(0);
            assertThat(f.code()).isEqualTo(FindingCode.FAMILY_MISMATCH);
            assertThat(f.action()).startsWith("Use http://[::1]:" + port(l) + "/");
            assertThat(d.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void familyMismatchWithAServerOnIpv4Only() throws IOException {
        try (ServerSocketChannel l = listen("127.0.0.1")) {
            Diagnosis d = run("Error: connect ECONNREFUSED ::1:" + port(l));
            Finding f = d.findings().get(0);
            assertThat(f.code()).isEqualTo(FindingCode.FAMILY_MISMATCH);
            assertThat(f.message()).contains("127.0.0.1 (IPv4) only");
            assertThat(f.action()).startsWith("Use http://127.0.0.1:" + port(l) + "/");
        }
    }

    @Test
    void localhostIsResolvedHereAndEveryCandidateTried() throws IOException {
        try (ServerSocketChannel l = listen("::1")) {
            Diagnosis d = run("localhost:" + port(l));
            List<IpAddress> resolved = d.facts().resolved().get("localhost");
            assertThat(resolved).isNotEmpty();
            assertThat(d.facts().attempts()).extracting(ConnectAttempt::address).containsAll(resolved)
                    .contains(IpAddress.IPV6_LOOPBACK);
            if (resolved.get(0).equals(IpAddress.IPV6_LOOPBACK)) {
                assertThat(d.finding(FindingCode.FAMILY_MISMATCH)).isEmpty(); // localhost leads to ::1 first here
            } else if (!resolved.contains(IpAddress.IPV6_LOOPBACK)) {
                assertThat(d.findings().get(0).code()).isEqualTo(FindingCode.FAMILY_MISMATCH);
            } else {
                assertThat(d.finding(FindingCode.FAMILY_MISMATCH)).isPresent();
            }
        }
    }

    @Test
    void wrongInterfaceWhenTheServerIsOnTheLanAddressOnly() throws IOException {
        String lan = lanAddressOrCreateOne();
        try (ServerSocketChannel l = listen(lan)) {
            Diagnosis d = run("127.0.0.1:" + port(l));
            Finding f = d.findings().get(0);
            assertThat(f.code()).isEqualTo(FindingCode.WRONG_INTERFACE);
            assertThat(f.message()).contains(lan + " only");
            assertThat(f.action()).startsWith("Use http://" + lan + ":" + port(l) + "/");
        } finally {
            removeCreatedAddress();
        }
    }

    @Test
    void wrongInterfaceWhenTheServerIsOnLoopbackOnly() throws IOException {
        String lan = lanAddressOrCreateOne();
        try (ServerSocketChannel l = listen("127.0.0.1")) {
            Diagnosis d = run(lan + ":" + port(l));
            Finding f = d.findings().get(0);
            assertThat(f.code()).isEqualTo(FindingCode.WRONG_INTERFACE);
            assertThat(f.message()).contains("127.0.0.1 only (loopback)").contains("not through " + lan);
        } finally {
            removeCreatedAddress();
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void timeWaitMadeByClosingTheServerSideFirst() throws IOException {
        ServerSocketChannel l = listen("127.0.0.1");
        int port = port(l);
        RealListeners.leaveTimeWait(l, "127.0.0.1");
        assertThat(new ProcNetConnectionStates("/proc").onPort(port)).extracting(TcpConnection::state)
                .contains(TcpConnection.State.TIME_WAIT);

        Diagnosis d = runBinding("OSError: [Errno 98] error while attempting to bind on address ('127.0.0.1', " + port
                + "): address already in use", "127.0.0.1");
        Finding f = d.findings().get(0);
        assertThat(f.code()).isEqualTo(FindingCode.TIME_WAIT);
        assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
        // The real errno of the plain bind, and the bind with SO_REUSEADDR that works.
        assertThat(f.message()).contains("binding without SO_REUSEADDR fails, with it it works");
        assertThat(d.facts().binds()).extracting(BindAttempt::bound).containsExactly(false, true);
        assertThat(d.facts().binds().get(0).errno()).isEqualTo(Errno.EADDRINUSE);
        assertThat(d.factLines()).anyMatch(line -> line.contains("TIME_WAIT"))
                .anyMatch(line -> line.contains("EADDRINUSE (98)"));
    }

    @Test
    void privilegedPortAsThisUserWhenItIsNotRoot() throws IOException {
        assumeTrue(!RealListeners.root(), "runs as root: WhyCommandTest tries it as the user nobody instead");
        PortRules rules = PortRules.forThisMachine();
        assumeTrue(rules.unprivilegedStart() > 1 && !rules.mayBindLowPorts(), "every port is free to bind here");
        int port = rules.unprivilegedStart() - 1;
        Diagnosis d = runBinding(String.valueOf(port), "127.0.0.1");
        assertThat(d.findings().get(0).code()).isEqualTo(FindingCode.PRIVILEGED_PORT);
        assertThat(d.finding(FindingCode.BIND_FAILED).orElseThrow().message()).contains("EACCES (13)");
    }

    @Test
    void noAnswerFromAServerWhoseQueueIsFull() throws IOException {
        // A listener that never accepts, with a queue of one: once it is full the system drops new connects.
        try (ServerSocketChannel l = ServerSocketChannel.open(java.net.StandardProtocolFamily.INET)) {
            l.bind(new InetSocketAddress("127.0.0.1", 0), 1);
            int port = port(l);
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(new InetSocketAddress("127.0.0.1", port), 300);
                        fillers.add(s);
                    } catch (IOException full) {
                        s.close();
                        break;
                    }
                }
                Diagnose quick = new Diagnose(Diagnose.Sources.thisComputer(RealListeners.scanner()), RealListeners.STEPS,
                        () -> new Diagnoser(dev.portside.knowledge.Knowledge.shared()), Duration.ofMillis(300),
                        Duration.ofSeconds(3));
                Diagnosis d = ((Diagnose.Diagnosed) quick.run("127.0.0.1:" + port)).diagnosis();
                assertThat(d.findings().get(0).code()).isEqualTo(FindingCode.NO_ANSWER);
                assertThat(d.facts().attempts()).allMatch(a -> a.outcome() == ConnectAttempt.Outcome.TIMED_OUT
                        || a.outcome() == ConnectAttempt.Outcome.REFUSED || a.outcome() == ConnectAttempt.Outcome.FAILED);
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aProbeThatHangsIsCutOffAndReported() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        Prober hanging = new Prober() {
            @Override
            public ConnectAttempt connect(IpAddress address, int port, Duration timeout) {
                started.incrementAndGet();
                try {
                    release.await(); // like a connect stuck in the system
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new ConnectAttempt(address, port, ConnectAttempt.Outcome.CONNECTED, Errno.OTHER, "", 0);
            }

            @Override
            public BindAttempt bind(IpAddress address, int port, boolean reuseAddress) {
                return Prober.sockets().bind(address, port, reuseAddress);
            }
        };
        try (ServerSocketChannel l = listen("127.0.0.1")) {
            Diagnose d = new Diagnose(Diagnose.Sources.thisComputer(RealListeners.scanner()).withProber(hanging),
                    RealListeners.STEPS, () -> new Diagnoser(dev.portside.knowledge.Knowledge.shared()), Duration.ofMillis(100),
                    Duration.ofMillis(400));
            Diagnosis result = ((Diagnose.Diagnosed) d.run("127.0.0.1:" + port(l))).diagnosis();
            assertThat(result.facts().attempts()).isNotEmpty()
                    .allMatch(a -> a.outcome() == ConnectAttempt.Outcome.CUT_OFF);
            assertThat(result.findings().get(0).code()).isEqualTo(FindingCode.NO_ANSWER);
            assertThat(result.factLines()).anyMatch(line -> line.contains("was cut off"));
            assertThat(started.get()).isBetween(1, ProbePlan.MAX_CONNECTS);
            // The hanging connects hold step threads only: the runner's one shared thread still works.
            assertThat(RealListeners.STEPS.supply(() -> "free").get(5, java.util.concurrent.TimeUnit.SECONDS))
                    .isEqualTo("free");
        } finally {
            release.countDown();
        }
    }

    @Test
    void bindOkAndReleasedAtOnce() throws IOException {
        int port = freePort();
        Diagnosis d = runBinding(String.valueOf(port), "127.0.0.1");
        assertThat(d.findings().get(0).code()).isEqualTo(FindingCode.BIND_OK);
        try (ServerSocketChannel again = listen("127.0.0.1", port)) {
            assertThat(port(again)).isEqualTo(port); // the probe let it go
        }
    }

    @Test
    void theBindGoesWhereTheInputSaysLoopbackOtherwise() throws IOException {
        int port = freePort();
        Diagnosis named = ((Diagnose.Diagnosed) diagnose.run("[::1]:" + port, Diagnose.BindRequest.NAMED_OR_LOOPBACK))
                .diagnosis();
        assertThat(named.facts().binds().get(0).address()).isEqualTo(IpAddress.IPV6_LOOPBACK);
        Diagnosis plain = ((Diagnose.Diagnosed) diagnose.run(String.valueOf(port), Diagnose.BindRequest.NAMED_OR_LOOPBACK))
                .diagnosis();
        assertThat(plain.facts().binds().get(0).address()).isEqualTo(IpAddress.IPV4_LOOPBACK);
    }

    @Test
    void bindFailedWithTheRealErrnoWhenTheServerHoldsIt() throws IOException {
        try (ServerSocketChannel l = listen("127.0.0.1")) {
            Diagnosis d = runBinding("Can my server use " + port(l) + "?", "127.0.0.1");
            assertThat(d.finding(FindingCode.BIND_FAILED).orElseThrow().message())
                    .contains("EADDRINUSE (98): the address is already in use");
            assertThat(d.finding(FindingCode.LISTENING).orElseThrow().message()).startsWith("Port " + port(l) + " is in use");
        }
    }

    @Test
    void aBindOnAnotherComputersAddressIsNotTried() throws IOException {
        Diagnosis d = runBinding(String.valueOf(freePort()), "203.0.113.9");
        assertThat(d.facts().binds()).singleElement().satisfies(b -> {
            assertThat(b.bound()).isFalse();
            assertThat(b.detail()).contains("did not try");
        });
    }

    @Test
    void excludedRangesAreReadOnlyOnWindows() throws IOException {
        AtomicInteger asked = new AtomicInteger();
        Diagnose.ExcludedRangeSource recorded = () -> {
            asked.incrementAndGet();
            return ExcludedPortRanges.parse(DiagnoserTest.resource("netsh-excludedportrange-en.txt"));
        };
        int port = freePort();
        Diagnose here = new Diagnose(Diagnose.Sources.thisComputer(RealListeners.scanner()).withExcluded(recorded),
                RealListeners.STEPS);
        ((Diagnose.Diagnosed) here.run(String.valueOf(port))).diagnosis();
        assertThat(asked.get()).as("netsh is not run on " + OsFamily.current()).isEqualTo(OsFamily.current() == OsFamily.WINDOWS ? 1 : 0);

        Diagnose asWindows = new Diagnose(Diagnose.Sources.thisComputer(RealListeners.scanner()).withExcluded(recorded)
                .withRules(() -> new PortRules(OsFamily.WINDOWS, 0, true, "dev")), RealListeners.STEPS);
        Diagnosis d = ((Diagnose.Diagnosed) asWindows.run("Error: listen EACCES: permission denied 0.0.0.0:56700"))
                .diagnosis();
        assertThat(d.findings().get(0).code()).isEqualTo(FindingCode.EXCLUDED_RANGE);
    }

    @Test
    void garbageNeverReachesTheSockets() {
        AtomicInteger scans = new AtomicInteger();
        Diagnose counting = new Diagnose(Diagnose.Sources.thisComputer(() -> {
            scans.incrementAndGet();
            return List.of();
        }), RealListeners.STEPS);
        for (String garbage : new String[] {"", "abc", "0", "70000", "-1", "\u0000\u001b[2J", "port", "::::"}) {
            Diagnose.Outcome o = counting.run(garbage);
            assertThat(o).as(garbage).isInstanceOf(Diagnose.NotRead.class);
            assertThat(o.exitCode()).isEqualTo(2);
            assertThat(((Diagnose.NotRead) o).message()).doesNotContain("\u001b").doesNotContain("Exception");
        }
        assertThat(scans.get()).isZero();
    }

    // ---- an address of this computer that is not loopback ----

    /** From the range RFC 2544 keeps for tests; put on loopback, so it is this computer's and no one else's. */
    private static final String CREATED_ADDRESS = "198.18.0.7";
    private boolean created;

    /**
     * This computer's LAN address; in a private network namespace (only loopback, as
     * tools/mvn-isolated.sh gives), a test address is added to the loopback interface and removed after.
     */
    private String lanAddressOrCreateOne() {
        Optional<String> lan = RealListeners.lanAddress();
        if (lan.isPresent()) {
            return lan.get();
        }
        assumeTrue(RealListeners.root() && RealListeners.onlyLoopback(),
                "this computer has no non-loopback address, and Portside may not add one here");
        assumeTrue(RealListeners.run("ip", "addr", "add", CREATED_ADDRESS + "/32", "dev", "lo") == 0,
                "cannot add an address to the loopback interface");
        created = true;
        return CREATED_ADDRESS;
    }

    private void removeCreatedAddress() {
        if (created) {
            RealListeners.run("ip", "addr", "del", CREATED_ADDRESS + "/32", "dev", "lo");
            created = false;
        }
    }
}
