package dev.portside.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portside.core.ListeningSocket;
import dev.portside.testing.ChildJvm;
import dev.portside.testing.OtherUser;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one-shot scan of a terminal command (/proc/net, plain Java, one port) gives the same answer
 * as the window's steady scanner (netlink where the kernel answers it): the same sockets with the
 * same owners, every detail of each owner equal (start time included, which the kill's identity
 * check compares), for real sockets of this JVM and of a child JVM.
 */
class OneShotScanTest {

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
        ServerSocket mapped = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        DatagramChannel udp4 = DatagramChannel.open(StandardProtocolFamily.INET);
        udp4.bind(new InetSocketAddress("127.0.0.1", 0));
        DatagramChannel udp6 = DatagramChannel.open(StandardProtocolFamily.INET6);
        udp6.bind(new InetSocketAddress("::1", 0));
        // the same port on two protocols: one command answers with both
        DatagramChannel udpOnTcpPort = DatagramChannel.open(StandardProtocolFamily.INET);
        udpOnTcpPort.bind(new InetSocketAddress("127.0.0.1", ((InetSocketAddress) tcp4.getLocalAddress()).getPort()));
        OPEN.addAll(List.of(tcp4, tcp6, mapped, udp4, udp6, udpOnTcpPort));
        child = ChildJvm.start("tcp", "tcp6", "udp");
        ports = new HashSet<>(child.ports());
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
        OtherUser.cleanUp();
    }

    @Test
    void onePortGivesTheSteadyScannersAnswerForThatPort() {
        try (PortScanner steady = Scanners.open(Scanners.Mode.AUTO)) {
            for (int port : ports) {
                List<ListeningSocket> expected = List.of();
                List<ListeningSocket> actual = List.of();
                // other programs may open or close sockets meanwhile: an answer counts when two steady scans agree around it
                for (int attempt = 0; attempt < 10; attempt++) {
                    List<ListeningSocket> before = steady.scan().onPort(port);
                    try (PortScanner once = OneShotScan.proc("/proc", port)) {
                        actual = once.scan().sockets();
                    }
                    expected = steady.scan().onPort(port);
                    if (before.equals(expected) && expected.equals(actual)) {
                        break;
                    }
                }
                assertThat(actual).as("port %d", port).isNotEmpty().isEqualTo(expected);
            }
        }
    }

    @Test
    void theChildsOwnerIsFoundWithEveryDetail() {
        try (PortScanner once = OneShotScan.proc("/proc", child.port())) {
            ListeningSocket s = once.scan().sockets().get(0);
            assertThat(s.owners()).hasSize(1);
            var owner = s.owner().orElseThrow();
            assertThat(owner.pid()).isEqualTo((int) child.pid());
            assertThat(owner.commandLine()).contains("ListenerMain");
            // the start time the kill's identity check compares with what ProcessHandle says
            assertThat(owner.startTime().toEpochMilli() / 10)
                    .isEqualTo(child.process().info().startInstant().orElseThrow().toEpochMilli() / 10);
        }
    }

    @Test
    void allPortsGivesTheSteadyScannersListing() {
        try (PortScanner steady = Scanners.open(Scanners.Mode.AUTO)) {
            List<ListeningSocket> expected = List.of();
            List<ListeningSocket> actual = List.of();
            for (int attempt = 0; attempt < 10; attempt++) {
                List<ListeningSocket> before = steady.scan().sockets();
                try (PortScanner once = OneShotScan.proc("/proc", OneShotScan.ALL_PORTS)) {
                    actual = once.scan().sockets();
                }
                expected = steady.scan().sockets();
                if (before.equals(expected) && expected.equals(actual)) {
                    break;
                }
            }
            assertThat(actual).isEqualTo(expected);
            assertThat(actual.stream().map(ListeningSocket::port).toList()).containsAll(ports);
        }
    }

    @Test
    void aProcessWhoseFdLinksAreRefusedIsLeftAfterItsFirstLink() {
        // The kernel allows reading a process's fd links per process (may this user trace it?); in
        // plain Java each refusal costs two exceptions, and a process can hold hundreds of fds. Run
        // as nobody on a /proc of its own whose pid 100 lists its fds but refuses their links.
        OtherUser.assumeAvailable();
        OtherUser.Result r = OtherUser.run(OtherUser.Rights.ORDINARY, RefusedFdLinksMain.class.getName());
        assertThat(r.err()).isEmpty();
        // pid 200's three links, and pid 100's first only (six without the skip); the owner is the same
        assertThat(r.out().trim()).isEqualTo("sockets=1 owners=200 linkReads=4");
    }

    @Test
    void clockTicksWithoutNativeCallsAreTheCLibrarysValue() {
        assumeTrue(Libc.AVAILABLE, Libc.PROBLEM);
        assertThat(new ProcFs("/proc", false).clockTicks).isEqualTo(new ProcFs("/proc").clockTicks);
    }

    @Test
    void aFakeProcWithoutAuxvFallsBackToTheUsualHundredTicks() {
        assertThat(new ProcFs("/nonexistent-proc", false).clockTicks).isEqualTo(100);
    }
}
