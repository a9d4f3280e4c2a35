package dev.portside.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.SocketUser;
import dev.portside.diagnose.ConnectAttempt.Outcome;
import dev.portside.diagnose.OwnershipFacts.ContainerPort;
import dev.portside.platform.OsFamily;
import dev.portside.knowledge.Knowledge;
import dev.portside.owner.Container;
import dev.portside.owner.OwnerFacts;
import dev.portside.owner.Project;
import dev.portside.owner.PublishedPort;
import dev.portside.owner.ServiceUnit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every rule, on facts written down: exact and fast. {@code DiagnoseRealSocketsTest} does the same on real sockets. */
class DiagnoserTest {

    static final PortRules LINUX = new PortRules(OsFamily.LINUX, 1024, false, "dev");
    static final IpAddress V4 = IpAddress.IPV4_LOOPBACK;
    static final IpAddress V6 = IpAddress.IPV6_LOOPBACK;

    private final Diagnoser diagnoser = new Diagnoser(Knowledge.shared());

    static DiagnosisInput read(String text) {
        return ((InputReader.Readable) InputReader.read(text)).input();
    }

    static ListeningSocket tcp(String address, int port, int pid, String name, String commandLine, String user) {
        IpAddress ip = IpAddress.parse(address);
        List<ProcessInfo> owners = pid > 0 ? List.of(new ProcessInfo(pid, name, "/usr/bin/" + name, commandLine, user,
                Instant.parse("2026-01-01T10:00:00Z"), 1)) : List.of();
        return new ListeningSocket(Protocol.TCP, ip.family(), ip, port, owners);
    }

    static ListeningSocket node(String address, int port) {
        return tcp(address, port, 4121, "node", "node server.js", "dev");
    }

    static ConnectAttempt connected(IpAddress a, int port) {
        return new ConnectAttempt(a, port, Outcome.CONNECTED, Errno.OTHER, "", 0);
    }

    static ConnectAttempt refused(IpAddress a, int port) {
        return new ConnectAttempt(a, port, Outcome.REFUSED, Errno.ECONNREFUSED, "Connection refused", 0);
    }

    private Diagnosis diagnose(String text, Facts.Builder facts) {
        return diagnoser.diagnose(read(text), facts.build());
    }

    private static List<String> codes(Diagnosis d) {
        return d.findings().stream().map(f -> f.code().id()).toList();
    }

    @Test
    void listeningNamesTheLikelyOwnerFromWhatTheOwnerFeatureFound() {
        // "who holds the port, on which addresses, with the likely owner": node app.js is an Express app.
        ListeningSocket api = tcp("0.0.0.0", 3000, 6663, "node", "node app.js", "dev");
        Project project = new Project("api", "package.json", "/tmp/demo/api", List.of("express"));
        Diagnosis d = diagnose("3000", Facts.builder(LINUX).socket(api)
                .owner(api, new OwnerFacts(null, null, null, null, project, "/tmp/demo/api", ""))
                .attempt(connected(V4, 3000)));
        assertThat(d.findings().get(0).message())
                .startsWith("Express app (api) (node, pid 6663) listens on port 3000, on 0.0.0.0 (every IPv4 address");

        // The same socket with nothing found about its owner: the process alone, as before.
        Diagnosis plain = diagnose("3000", Facts.builder(LINUX).socket(api).attempt(connected(V4, 3000)));
        assertThat(plain.findings().get(0).message()).startsWith("node (pid 6663) listens on port 3000");
    }

    @Test
    void listeningNamesTheContainerBehindAForwarder() {
        ListeningSocket proxy = tcp("0.0.0.0", 8080, 8603, "docker-proxy", "/usr/bin/docker-proxy -proto tcp -host-ip "
                + "0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 -container-port 80", "root");
        OwnerFacts facts = new OwnerFacts(new Container("Docker", "3f2a1b2c3d4e", "shop-web", "nginx:1.27", "running", "",
                List.of()), new PublishedPort("0.0.0.0", 8080, 80, "tcp"), null, null, null, "", "");
        Diagnosis d = diagnose("http://localhost:8080/", Facts.builder(LINUX).socket(proxy).owner(proxy, facts)
                .attempt(connected(V4, 8080)));
        assertThat(d.finding(FindingCode.LISTENING).orElseThrow().message())
                .startsWith("Docker: shop-web (docker-proxy, pid 8603) listens on port 8080");
    }

    @Test
    void listeningNamesTheServiceUnit() {
        ListeningSocket nginx = tcp("0.0.0.0", 80, 6115, "nginx", "nginx: master process /usr/sbin/nginx", "root");
        OwnerFacts facts = new OwnerFacts(null, null, null, new ServiceUnit("nginx.service", false), null, "/", "");
        Diagnosis d = diagnose("80", Facts.builder(LINUX).socket(nginx).owner(nginx, facts).attempt(connected(V4, 80)));
        assertThat(d.findings().get(0).message()).startsWith("nginx.service (nginx, pid 6115) listens on port 80");
    }

    @Test
    void listeningAnswersAndOffersTheUrlAndToFreeIt() {
        Diagnosis d = diagnose("3000", Facts.builder(LINUX).socket(node("127.0.0.1", 3000))
                .resolved("localhost", List.of(V4)).attempt(connected(V4, 3000)));
        assertThat(codes(d)).containsExactly("listening");
        Finding f = d.findings().get(0);
        assertThat(f.severity()).isEqualTo(Severity.OK);
        assertThat(f.message()).contains("node (pid 4121)").contains("127.0.0.1 (this computer only, IPv4)")
                .contains("answers at 127.0.0.1:3000");
        assertThat(f.actions()).extracting(FindingAction::kind).containsExactly(FindingAction.Kind.FREE_PORT,
                FindingAction.Kind.OPEN_URL, FindingAction.Kind.COPY_URL);
        assertThat(f.actions().get(1).value()).isEqualTo("http://127.0.0.1:3000/");
        assertThat(d.exitCode()).isZero();
    }

    @Test
    void addressInUseNamesTheHolderAndTheNextFreePort() {
        Diagnosis d = diagnose("Error: listen EADDRINUSE: address already in use :::3000",
                Facts.builder(LINUX).socket(node("::", 3000)).socket(node("::", 3001)).attempt(connected(V6, 3000)));
        Finding f = d.finding(FindingCode.LISTENING).orElseThrow();
        assertThat(f.message()).startsWith("Port 3000 is in use: node (pid 4121) listens on it")
                .contains("address already in use");
        assertThat(f.action()).contains("ending node (pid 4121)").contains("for example 3002");
        assertThat(d.exitCode()).isZero(); // a listener answers
    }

    @Test
    void nothingListeningNamesWhereViteMovedTo() {
        ListeningSocket vite = tcp("::1", 5174, 777, "node", "node /home/dev/shop/node_modules/.bin/vite", "dev");
        Diagnosis d = diagnose("http://localhost:5173/", Facts.builder(LINUX).socket(vite)
                .resolved("localhost", List.of(V4, V6)).attempt(refused(V4, 5173)).attempt(refused(V6, 5173)));
        Finding f = d.findings().get(0);
        assertThat(f.code()).isEqualTo(FindingCode.NOTHING_LISTENING);
        assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(f.message()).contains("connection refused").contains("Vite dev server listens on 5174 instead");
        assertThat(f.actions()).extracting(FindingAction::value).contains("http://[::1]:5174/");
        assertThat(d.exitCode()).isEqualTo(1);
    }

    @Test
    void aNeighbourThatDoesNotMoveOnIsOnlyNamed() {
        ListeningSocket python = tcp("::1", 5173, 926, "python3", "python3 -m http.server 5173 --bind ::1", "dev");
        Diagnosis d = diagnose("5174", Facts.builder(LINUX).socket(python).attempt(refused(V4, 5174)));
        Finding f = d.findings().get(0);
        assertThat(f.message()).contains("Nearby, Python http.server (static files) listens on 5173")
                .doesNotContain("moves to the next");
        assertThat(f.action()).startsWith("Open http://[::1]:5173/ if it is the one");
    }

    @Test
    void nothingListeningWithoutANeighbourSaysToStartTheServer() {
        Diagnosis d = diagnose("curl: (7) Failed to connect to localhost port 3001 after 0 ms: Couldn't connect to server",
                Facts.builder(LINUX).socket(node("127.0.0.1", 9999)).attempt(refused(V4, 3001)));
        Finding f = d.findings().get(0);
        assertThat(f.code()).isEqualTo(FindingCode.NOTHING_LISTENING);
        assertThat(f.action()).contains("Start the server");
        assertThat(f.actions()).isEmpty();
    }

    @Test
    void familyMismatchWhenLocalhostLeadsToIpv4AndTheServerIsOnIpv6Only() {
        Diagnosis d = diagnose("localhost:3000", Facts.builder(LINUX).socket(node("::1", 3000))
                .resolved("localhost", List.of(V4)).attempt(refused(V4, 3000)).attempt(connected(V6, 3000)));
        Finding f = d.findings().get(0);
        assertThat(f.code()).isEqualTo(FindingCode.FAMILY_MISMATCH);
        assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(f.message()).contains("listens on ::1 (IPv6) only").contains("localhost leads here to 127.0.0.1 only (IPv4)")
                .contains("connection refused");
        assertThat(f.action()).startsWith("Use http://[::1]:3000/").contains("server.listen(3000, '::')");
        assertThat(codes(d)).contains("listening");
        assertThat(d.exitCode()).isEqualTo(1);
    }

    @Test
    void familyMismatchWhenNodeTriesIpv6FirstAndTheServerIsOnIpv4Only() {
        Diagnosis d = diagnose("Error: connect ECONNREFUSED ::1:3000",
                Facts.builder(LINUX).socket(tcp("127.0.0.1", 3000, 51, "python3", "python3 -m http.server 3000 --bind 127.0.0.1", "dev"))
                        .attempt(refused(V6, 3000)).attempt(connected(V4, 3000)));
        Finding f = d.findings().get(0);
        assertThat(f.code()).isEqualTo(FindingCode.FAMILY_MISMATCH);
        assertThat(f.message()).contains("127.0.0.1 (IPv4) only");
        assertThat(f.action()).startsWith("Use http://127.0.0.1:3000/").contains("--bind ::");
    }

    @Test
    void familyMismatchWhenOnlyTheFirstOfTwoAddressesFails() {
        Facts.Builder facts = Facts.builder(LINUX).socket(node("127.0.0.1", 3000)).resolved("localhost", List.of(V6, V4))
                .attempt(refused(V6, 3000)).attempt(connected(V4, 3000));
        Diagnosis typed = diagnose("localhost:3000", facts);
        assertThat(typed.finding(FindingCode.FAMILY_MISMATCH)).hasValueSatisfying(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO); // nothing failed yet: a note
            assertThat(f.message()).contains("leads here to ::1, 127.0.0.1, in this order, and at ::1 nothing listens");
        });
        Diagnosis refusedByATool = diagnose("curl: (7) Failed to connect to localhost port 3000: Connection refused", facts);
        assertThat(refusedByATool.finding(FindingCode.FAMILY_MISMATCH).orElseThrow().severity())
                .isEqualTo(Severity.PROBLEM);
    }

    @Test
    void wrongInterfaceWhenTheServerIsOnALanAddressOnly() {
        IpAddress lan = IpAddress.parse("192.168.1.5");
        Diagnosis d = diagnose("localhost:3000", Facts.builder(LINUX).ownAddresses(List.of(V4, lan))
                .socket(node("192.168.1.5", 3000)).resolved("localhost", List.of(V4))
                .attempt(refused(V4, 3000)).attempt(connected(lan, 3000)));
        Finding f = d.findings().get(0);
        assertThat(f.code()).isEqualTo(FindingCode.WRONG_INTERFACE);
        assertThat(f.message()).contains("192.168.1.5 only").contains("not on loopback");
        assertThat(f.action()).startsWith("Use http://192.168.1.5:3000/");
    }

    @Test
    void wrongInterfaceWhenTheServerIsOnLoopbackOnlyAndTheLanAddressIsUsed() {
        IpAddress lan = IpAddress.parse("192.168.1.5");
        Diagnosis d = diagnose("192.168.1.5:3000", Facts.builder(LINUX).ownAddresses(List.of(V4, lan))
                .socket(node("127.0.0.1", 3000)).attempt(refused(lan, 3000)).attempt(connected(V4, 3000)));
        Finding f = d.findings().get(0);
        assertThat(f.code()).isEqualTo(FindingCode.WRONG_INTERFACE);
        assertThat(f.message()).contains("127.0.0.1 only (loopback)").contains("Other computers cannot reach");
        assertThat(f.action()).contains("0.0.0.0");
    }

    @Test
    void timeWaitExplainsAddressInUseWithNothingListening() {
        TcpConnection waiting = new TcpConnection(V4, 3000, V4, 51234, TcpConnection.State.TIME_WAIT);
        Diagnosis d = diagnose("OSError: [Errno 98] error while attempting to bind on address ('127.0.0.1', 3000): "
                + "address already in use", Facts.builder(LINUX).connections(List.of(waiting, waiting)));
        assertThat(codes(d)).containsExactly("time-wait", "nothing-listening");
        Finding f = d.findings().get(0);
        assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(f.message()).contains("2 recent connections on it are waiting out TIME_WAIT").contains("SO_REUSEADDR");
        assertThat(d.findings().get(1).severity()).isEqualTo(Severity.INFO);
        assertThat(d.factLines()).anyMatch(l -> l.contains("2 TIME_WAIT"));
    }

    @Test
    void privilegedPortWhenTheBindIsRefused() {
        BindAttempt denied = new BindAttempt(V4, 80, false, Errno.EACCES, "Permission denied");
        Diagnosis d = diagnose("80", Facts.builder(LINUX).bind(denied));
        assertThat(codes(d)).containsExactly("privileged-port", "bind-failed", "nothing-listening");
        assertThat(d.findings().get(0).message()).contains("below 1024").contains("EACCES");
        assertThat(d.findings().get(0).action()).contains("8080").contains("setcap");
        assertThat(d.findings().get(1).message()).contains("EACCES (13): permission denied");
        assertThat(d.exitCode()).isEqualTo(1);
    }

    @Test
    void privilegedPortIsANoteWhenThisProcessMayBindIt() {
        PortRules root = new PortRules(OsFamily.LINUX, 1024, true, "root");
        Diagnosis d = diagnose("80", Facts.builder(root).bind(new BindAttempt(V4, 80, true, null, "")));
        assertThat(d.finding(FindingCode.PRIVILEGED_PORT)).hasValueSatisfying(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("Portside runs with that right here");
        });
        assertThat(d.finding(FindingCode.BIND_OK)).isPresent();
        assertThat(d.exitCode()).isZero();
    }

    @Test
    void otherUserWhenTheOwnerIsHiddenSaysWhoByUid() {
        // The scanner reads the socket's uid from the kernel even when the process is hidden.
        ListeningSocket hidden = new ListeningSocket(Protocol.TCP, V4.family(), V4, 5432, List.of(),
                new SocketUser(106, "postgres"));
        Diagnosis d = diagnose("LOG:  could not bind IPv4 address \"127.0.0.1\": Address already in use\n"
                + "HINT:  Is another postmaster already running on port 5432?",
                Facts.builder(LINUX).socket(hidden).attempt(connected(V4, 5432)));
        Finding f = d.finding(FindingCode.OTHER_USER).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(f.message()).contains("another user (postgres (uid 106))");
        assertThat(f.action()).contains("sudo portside free 5432");
        assertThat(d.finding(FindingCode.LISTENING).orElseThrow().actions())
                .noneMatch(a -> a.kind() == FindingAction.Kind.FREE_PORT);
        assertThat(d.factLines()).contains("Owner of 127.0.0.1:5432: postgres (uid 106)");
    }

    @Test
    void aSocketHiddenFromRootIsInAnotherNamespace() {
        ListeningSocket hidden = new ListeningSocket(Protocol.TCP, V4.family(), V4, 8080, List.of(), new SocketUser(0, "root"));
        Diagnosis d = diagnoser.diagnose(read("8080"), Facts.builder(new PortRules(OsFamily.LINUX, 1024, true, "root"))
                .socket(hidden).canEndOthers(true).attempt(connected(V4, 8080)).build());
        assertThat(d.finding(FindingCode.OTHER_USER).orElseThrow().message()).contains("another PID namespace")
                .contains("runs as root");
    }

    @Test
    void otherUserWhenTheOwnerRunsAsSomeoneElse() {
        ListeningSocket pg = tcp("127.0.0.1", 5432, 811, "postgres", "/usr/lib/postgresql/15/bin/postgres", "postgres");
        Diagnosis d = diagnose("5432", Facts.builder(LINUX).socket(pg).attempt(connected(V4, 5432)));
        Finding f = d.finding(FindingCode.OTHER_USER).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.INFO); // it works; it is only not yours to end
        assertThat(f.message()).contains("runs as the user postgres").contains("your account (dev)");
        Diagnosis asRoot = diagnoser.diagnose(read("5432"), Facts.builder(new PortRules(OsFamily.LINUX, 1024, true, "root"))
                .socket(pg).attempt(connected(V4, 5432)).canEndOthers(true).build());
        assertThat(asRoot.finding(FindingCode.OTHER_USER)).isEmpty();
    }

    @Test
    void excludedRangeOnWindowsFromRecordedNetshOutput() {
        List<PortRange> ranges = ExcludedPortRanges.parse(resource("netsh-excludedportrange-en.txt"));
        assertThat(ranges).containsExactly(new PortRange(80, 80, false), new PortRange(5986, 5986, false),
                new PortRange(47001, 47001, false), new PortRange(55679, 55679, true),
                new PortRange(56638, 56737, false), new PortRange(56738, 56837, false));
        PortRules windows = new PortRules(OsFamily.WINDOWS, 0, true, "dev");
        Diagnosis d = diagnose("Error: listen EACCES: permission denied 0.0.0.0:56700",
                Facts.builder(windows).excluded(ranges));
        Finding f = d.findings().get(0);
        assertThat(f.code()).isEqualTo(FindingCode.EXCLUDED_RANGE);
        assertThat(f.message()).contains("56638\u201356737").contains("10013");
        assertThat(f.action()).contains("for example 56838").contains("net stop winnat");
        assertThat(d.factLines()).anyMatch(l -> l.contains("55679 *"));
    }

    @Test
    void excludedRangesAreReadFromNetshInAnyLanguage() {
        List<PortRange> ranges = ExcludedPortRanges.parse(resource("netsh-excludedportrange-es.txt"));
        assertThat(ranges).hasSize(24).first().isEqualTo(new PortRange(1025, 1124, false));
        assertThat(ranges).last().isEqualTo(new PortRange(50000, 50059, false));
        assertThat(ranges.stream().filter(r -> r.contains(25340))).containsExactly(new PortRange(25313, 25412, false));
        assertThat(ExcludedPortRanges.parse("")).isEmpty();
        assertThat(ExcludedPortRanges.parse("Das System kann die angegebene Datei nicht finden.")).isEmpty();
    }

    @Test
    void systemServiceOnMacosFromRecordedLsofOutput() {
        PortRules mac = new PortRules(OsFamily.MACOS, 1024, false, "jone");
        Facts.Builder facts = Facts.builder(mac).sockets(lsof(resource("macos-lsof-airplay.txt")))
                .resolved("localhost", List.of(V4, V6)).attempt(connected(V4, 5000)).attempt(connected(V6, 5000));
        Diagnosis d = diagnose("Address already in use\nPort 5000 is in use by another program. Either identify and stop "
                + "that program, or start the server with a different port.", facts);
        Finding f = d.findings().get(0);
        assertThat(f.code()).isEqualTo(FindingCode.SYSTEM_SERVICE);
        assertThat(f.message()).contains("AirPlay Receiver (ControlCenter, pid 433)");
        assertThat(f.action()).contains("AirDrop & Handoff").contains("5001");
        // The Python server beside it is the user's own: that one may be ended, ControlCenter is never offered.
        assertThat(d.finding(FindingCode.LISTENING).orElseThrow().message()).contains("ControlCe").contains("python");
        assertThat(d.factLines()).anyMatch(l -> l.contains("ControlCe (pid 433)"));
        Diagnosis onlyAirplay = diagnose("7000", Facts.builder(mac).sockets(lsof(resource("macos-lsof-airplay.txt"))));
        assertThat(onlyAirplay.finding(FindingCode.LISTENING).orElseThrow().actions())
                .noneMatch(a -> a.kind() == FindingAction.Kind.FREE_PORT);
        assertThat(onlyAirplay.findings().get(0).code()).isEqualTo(FindingCode.SYSTEM_SERVICE);
        assertThat(onlyAirplay.finding(FindingCode.OTHER_USER)).isEmpty(); // the system's, not another user's
    }

    @Test
    void containerWithItsNameAndTheFirewallNote() {
        ListeningSocket proxy = tcp("0.0.0.0", 8080, 2222, "docker-proxy",
                "/usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 -container-port 80",
                "root");
        Diagnosis d = diagnoser.diagnose(read("docker: Error response from daemon: driver failed programming external "
                + "connectivity on endpoint web: Bind for 0.0.0.0:8080 failed: port is already allocated."),
                Facts.builder(LINUX).socket(proxy).container(proxy, new ContainerPort("docker", "web", "nginx:1.27", "5b7c", 80))
                        .attempt(connected(V4, 8080)).build());
        Finding f = d.findings().get(0);
        assertThat(f.code()).isEqualTo(FindingCode.CONTAINER);
        assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(f.message()).contains("container web (nginx:1.27)").contains("port 80 inside")
                .contains("bypass ufw and firewalld");
        assertThat(f.actions()).containsExactly(new FindingAction(FindingAction.Kind.STOP_CONTAINER, "8080", "web"),
                new FindingAction(FindingAction.Kind.COPY_COMMAND, "docker stop web"));
        assertThat(f.action()).contains("-p 8081:80 instead of -p 8080:80");
        assertThat(d.finding(FindingCode.OTHER_USER)).isEmpty();
        assertThat(d.finding(FindingCode.LISTENING).orElseThrow().actions())
                .noneMatch(a -> a.kind() == FindingAction.Kind.FREE_PORT);
    }

    @Test
    void containerSeenOnlyThroughItsProxyProcess() {
        ListeningSocket proxy = tcp("127.0.0.1", 5432, 2223, "docker-proxy", "/usr/bin/docker-proxy -proto tcp "
                + "-host-ip 127.0.0.1 -host-port 5432 -container-ip 172.17.0.3 -container-port 5432", "root");
        Diagnosis d = diagnose("5432", Facts.builder(LINUX).socket(proxy).attempt(connected(V4, 5432)));
        Finding f = d.finding(FindingCode.CONTAINER).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.message()).contains("docker-proxy (pid 2223)").doesNotContain("ufw"); // loopback only
    }

    @Test
    void aListenerThatDoesNotAnswerInTimeIsReported() {
        ConnectAttempt cut = new ConnectAttempt(V4, 3000, Outcome.CUT_OFF, Errno.ETIMEDOUT, "abandoned", 4000);
        Diagnosis d = diagnose("3000", Facts.builder(LINUX).socket(node("127.0.0.1", 3000)).attempt(cut));
        assertThat(d.findings().get(0).code()).isEqualTo(FindingCode.NO_ANSWER);
        assertThat(d.findings().get(0).message()).contains("did not accept a connection");
        assertThat(d.factLines()).anyMatch(l -> l.contains("cut off"));
    }

    @Test
    void aListenerWhoseQueueIsFullIsSaidToTakeNoNewConnections() {
        ConnectAttempt timedOut = new ConnectAttempt(V4, 3000, Outcome.TIMED_OUT, Errno.ETIMEDOUT, "timed out", 1003);
        TcpConnection listener = new TcpConnection(V4, 3000, IpAddress.parse("0.0.0.0"), 0, TcpConnection.State.LISTEN, 5);
        Diagnosis d = diagnose("3000", Facts.builder(LINUX).socket(node("127.0.0.1", 3000)).attempt(timedOut)
                .connections(List.of(listener)));
        assertThat(d.findings().get(0).code()).isEqualTo(FindingCode.NO_ANSWER);
        assertThat(d.findings().get(0).message()).contains("5 connections already wait for it to accept them")
                .contains("its queue is full");
    }

    @Test
    void bindOkWhenTheServerCanUseThePort() {
        Diagnosis d = diagnose("3000", Facts.builder(LINUX).bind(new BindAttempt(V4, 3000, true, null, "")));
        assertThat(codes(d)).containsExactly("bind-ok", "nothing-listening");
        assertThat(d.findings().get(1).severity()).isEqualTo(Severity.OK);
        assertThat(d.exitCode()).isZero();
    }

    @Test
    void anotherComputersAddressIsNotTried() {
        Diagnosis d = diagnose("10.9.8.7:3000", Facts.builder(LINUX));
        assertThat(d.findings()).extracting(Finding::code).contains(FindingCode.NOT_THIS_COMPUTER);
        assertThat(d.finding(FindingCode.NOT_THIS_COMPUTER).orElseThrow().message()).contains("did not try 10.9.8.7");
    }

    @Test
    void aHostNameIsNotLookedUp() {
        Diagnosis d = diagnose("db:5432", Facts.builder(LINUX));
        assertThat(d.finding(FindingCode.NOT_THIS_COMPUTER).orElseThrow().message()).contains("does not look up \u201cdb\u201d");
    }

    @Test
    void aScanThatFailedIsSaid() {
        Diagnosis d = diagnose("3000", Facts.builder(LINUX).scanProblem("netlink refused").attempt(refused(V4, 3000)));
        assertThat(d.findings().get(0).code()).isEqualTo(FindingCode.SCAN_FAILED);
        assertThat(d.findings().get(0).message()).contains("netlink refused");
    }

    @Test
    void processNamesWithControlCharactersAreShownEscaped() {
        ListeningSocket evil = tcp("127.0.0.1", 3000, 66, "ev\u001b[2Jil\nname", "x", "dev");
        Diagnosis d = diagnose("3000", Facts.builder(LINUX).socket(evil).attempt(connected(V4, 3000)));
        String all = String.join("\n", d.factLines()) + d.findings().stream().map(f -> f.message() + f.action())
                .reduce("", String::concat);
        assertThat(all).contains("ev\\x1b[2Jil\\nname").doesNotContain("\u001b").doesNotContain("il\nname");
    }

    @Test
    void factsSayWhatWasReadResolvedAndTried() {
        Diagnosis d = diagnose("Error: connect ECONNREFUSED 127.0.0.1:3000", Facts.builder(LINUX)
                .resolved("localhost", List.of(V4, V6)).attempt(refused(V4, 3000)));
        assertThat(d.factLines().get(0)).isEqualTo("Read: a message naming port 3000 (Node.js; connection refused; host 127.0.0.1)");
        assertThat(d.factLines()).contains("Listening on port 3000: nothing (TCP or UDP)")
                .anyMatch(l -> l.startsWith("localhost resolves to: 127.0.0.1, ::1"))
                .contains("Connect to 127.0.0.1:3000: refused in 0 ms, ECONNREFUSED (111): connection refused: nothing listens there");
    }

    // ---- recorded output ----

    static String resource(String name) {
        try (InputStream in = DiagnoserTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern LSOF = Pattern.compile(
            "^(\\S+)\\s+(\\d+)\\s+(\\S+)\\s+\\S+\\s+(IPv[46])\\s+\\S+\\s+\\S+\\s+TCP\\s+(\\S+):(\\d+) \\(LISTEN\\)$");

    /** The sockets an lsof listing shows, as Portside's scanner reports them on macOS (name as lsof cut it). */
    static List<ListeningSocket> lsof(String listing) {
        List<ListeningSocket> sockets = new ArrayList<>();
        for (String line : listing.split("\n")) {
            Matcher m = LSOF.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            boolean v6 = m.group(4).equals("IPv6");
            String host = m.group(5);
            String address = host.equals("*") ? (v6 ? "::" : "0.0.0.0") : host.equals("localhost") ? (v6 ? "::1" : "127.0.0.1")
                    : host;
            String path = m.group(1).startsWith("ControlCe")
                    ? "/System/Library/CoreServices/ControlCenter.app/Contents/MacOS/ControlCenter" : "/usr/bin/" + m.group(1);
            IpAddress ip = IpAddress.parse(address);
            sockets.add(new ListeningSocket(Protocol.TCP, ip.family(), ip, Integer.parseInt(m.group(6)),
                    List.of(new ProcessInfo(Integer.parseInt(m.group(2)), m.group(1), path, path, m.group(3), null, 1))));
        }
        return sockets;
    }
}
