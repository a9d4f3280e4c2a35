package dev.portside.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Snapshot;
import dev.portside.testing.ChildJvm;
import dev.portside.testing.Namespaces;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On Linux, the fast path (netlink and /proc/net) sees the same sockets and owners as OSHI. */
class LinuxScannerMatchesOshiTest {

    private static final List<AutoCloseable> OPEN = new ArrayList<>();
    private static ChildJvm child;
    private static Set<Integer> ports;

    @BeforeAll
    static void openSockets() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "Linux only");
        ServerSocketChannel tcp4 = ServerSocketChannel.open(StandardProtocolFamily.INET);
        tcp4.bind(new InetSocketAddress("127.0.0.1", 0));
        ServerSocketChannel tcp6 = ServerSocketChannel.open(StandardProtocolFamily.INET6);
        tcp6.bind(new InetSocketAddress("::1", 0));
        // a dual-stack Java socket bound to 127.0.0.1 is an IPv6 socket on ::ffff:127.0.0.1
        ServerSocket mapped = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        DatagramChannel udp4 = DatagramChannel.open(StandardProtocolFamily.INET);
        udp4.bind(new InetSocketAddress("127.0.0.1", 0));
        DatagramChannel udp6 = DatagramChannel.open(StandardProtocolFamily.INET6);
        udp6.bind(new InetSocketAddress("::1", 0));
        OPEN.addAll(List.of(tcp4, tcp6, mapped, udp4, udp6));
        child = ChildJvm.start("tcp", "tcp6", "udp");
        ports = new java.util.HashSet<>(child.ports());
        ports.add(((InetSocketAddress) tcp4.getLocalAddress()).getPort());
        ports.add(((InetSocketAddress) tcp6.getLocalAddress()).getPort());
        ports.add(mapped.getLocalPort());
        ports.add(((InetSocketAddress) udp4.getLocalAddress()).getPort());
        ports.add(((InetSocketAddress) udp6.getLocalAddress()).getPort());
    }

    @AfterAll
    static void close() throws Exception {
        for (AutoCloseable c : OPEN) {
            c.close();
        }
        if (child != null) {
            child.close();
        }
    }

    @Test
    void netlinkEqualsOshi() throws Exception {
        LinuxPortScanner fast;
        try {
            fast = LinuxPortScanner.netlink();
        } catch (ScanException e) {
            // Refused here (a sandbox's network namespace): make one where it may answer.
            String why = Namespaces.unavailable();
            assumeTrue(why.isEmpty(), "netlink refused here (" + e.getMessage() + ") and no namespace of our own: "
                    + why);
            netlinkEqualsOshiInAFreshNetworkNamespace();
            return;
        }
        try (fast; OshiPortScanner oshi = new OshiPortScanner()) {
            compare(fast.scan(), oshi.scan());
        }
    }

    /** The same comparison in a network namespace of the test's own, with its own sockets and child. */
    @Test
    void netlinkEqualsOshiInAFreshNetworkNamespace() throws Exception {
        String why = Namespaces.unavailable();
        assumeTrue(why.isEmpty(), why);
        Namespaces.Run run = Namespaces.runJava(Namespaces.NETWORK, "ip link set lo up\n", InNamespace.class);
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("netlink equals oshi");
    }

    /** {@link #netlinkEqualsOshi} as a program, for a namespace of its own. */
    public static final class InNamespace {
        private InNamespace() {
        }

        public static void main(String[] args) throws Exception {
            openSockets();
            try (LinuxPortScanner fast = LinuxPortScanner.netlink(); OshiPortScanner oshi = new OshiPortScanner()) {
                compare(fast.scan(), oshi.scan());
            } finally {
                close();
            }
            System.out.println("netlink equals oshi");
        }
    }

    @Test
    void procNetEqualsOshi() {
        try (LinuxPortScanner fast = LinuxPortScanner.procNet(); OshiPortScanner oshi = new OshiPortScanner()) {
            compare(fast.scan(), oshi.scan());
        }
    }

    @Test
    void coversEveryKindTheTestOpened() {
        try (LinuxPortScanner fast = LinuxPortScanner.procNet()) {
            Map<String, String> mine = ours(fast.scan());
            long self = ProcessHandle.current().pid();
            assertThat(mine.keySet()).anyMatch(k -> k.startsWith("tcp 127.0.0.1:") && k.endsWith("ipv4"))
                    .anyMatch(k -> k.startsWith("tcp [::1]:"))
                    .anyMatch(k -> k.startsWith("tcp [::ffff:127.0.0.1]:") && k.endsWith("ipv6"))
                    .anyMatch(k -> k.startsWith("udp 127.0.0.1:"))
                    .anyMatch(k -> k.startsWith("udp [::1]:"));
            assertThat(mine.values()).anyMatch(v -> v.startsWith("[" + self + "]"))
                    .anyMatch(v -> v.startsWith("[" + child.pid() + "]"));
            assertThat(mine).hasSize(8);
        }
    }

    private static void compare(Snapshot fast, Snapshot oshi) {
        assertThat(ours(fast)).isEqualTo(ours(oshi)).isNotEmpty();
        // owners' details agree, start times within OSHI's own tolerance
        Map<Integer, ProcessInfo> a = owners(fast);
        Map<Integer, ProcessInfo> b = owners(oshi);
        assertThat(a.keySet()).isEqualTo(b.keySet()).contains((int) ProcessHandle.current().pid(), (int) child.pid());
        for (int pid : a.keySet()) {
            ProcessInfo x = a.get(pid);
            ProcessInfo y = b.get(pid);
            assertThat(x.name()).isEqualTo(y.name());
            assertThat(x.path()).isEqualTo(y.path());
            assertThat(x.commandLine()).isEqualTo(y.commandLine());
            assertThat(x.user()).isEqualTo(y.user());
            assertThat(x.parentPid()).isEqualTo(y.parentPid());
            assertThat(Duration.between(x.startTime(), y.startTime()).abs()).isLessThan(Duration.ofSeconds(1));
            // and exactly what the JDK says, so "is it still the same process?" checks agree
            ProcessHandle.of(pid).flatMap(h -> h.info().startInstant()).ifPresent(start ->
                    assertThat(Duration.between(x.startTime(), start).abs()).isLessThan(Duration.ofMillis(20)));
        }
    }

    /** Our test's sockets: "tcp 127.0.0.1:port ipv4" -> "[pids] name". */
    private static Map<String, String> ours(Snapshot s) {
        Map<String, String> m = new TreeMap<>();
        for (ListeningSocket x : s.sockets()) {
            if (ports.contains(x.port())) {
                m.put(x.key() + " " + x.family().id(), x.owners().stream().map(ProcessInfo::pid).toList() + " "
                        + x.owner().map(ProcessInfo::name).orElse("-"));
            }
        }
        return m;
    }

    private static Map<Integer, ProcessInfo> owners(Snapshot s) {
        return s.sockets().stream().filter(x -> ports.contains(x.port())).flatMap(x -> x.owners().stream())
                .collect(Collectors.toMap(ProcessInfo::pid, p -> p, (p, q) -> p, TreeMap::new));
    }
}
