package dev.portside.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portside.core.AddressScope;
import dev.portside.core.IpAddress;
import dev.portside.core.IpFamily;
import dev.portside.core.ListeningSocket;
import dev.portside.core.Protocol;
import dev.portside.core.Snapshot;
import dev.portside.testing.ChildJvm;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OSHI scanner against real sockets of this JVM and of a child JVM. */
class OshiPortScannerTest {

    private static final long OWN_PID = ProcessHandle.current().pid();
    private static OshiPortScanner scanner;

    @BeforeAll
    static void open() {
        scanner = new OshiPortScanner();
    }

    @AfterAll
    static void close() {
        scanner.close();
    }

    @Test
    void findsATcpListenerOnIpv4LoopbackWithThisJvmAsOwner() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            ListeningSocket found = find(scanner.scan(), Protocol.TCP, "127.0.0.1", server.getLocalPort()).orElseThrow();
            assertThat(found.scope()).isEqualTo(AddressScope.LOOPBACK);
            assertThat(found.ownerPid()).hasValue((int) OWN_PID);
            assertThat(found.owner().orElseThrow().name()).isNotEmpty();
            assertThat(found.owner().orElseThrow().startTime()).isNotNull();
        }
    }

    @Test
    void findsATcpListenerOnIpv6Loopback() throws IOException {
        assumeTrue(hasIpv6Loopback(), "this machine has no ::1");
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("::1"))) {
            ListeningSocket found = find(scanner.scan(), Protocol.TCP, "::1", server.getLocalPort()).orElseThrow();
            assertThat(found.family()).isEqualTo(IpFamily.IPV6);
            assertThat(found.scope()).isEqualTo(AddressScope.LOOPBACK);
            assertThat(found.ownerPid()).hasValue((int) OWN_PID);
        }
    }

    @Test
    void findsABoundUdpSocketWhateverStateTheOsReports() throws IOException {
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            ListeningSocket found = find(scanner.scan(), Protocol.UDP, "127.0.0.1", udp.getLocalPort()).orElseThrow();
            assertThat(found.ownerPid()).hasValue((int) OWN_PID);
        }
    }

    @Test
    void aClosedListenerIsGoneFromTheNextScan() throws IOException {
        int port;
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            port = server.getLocalPort();
            assertThat(find(scanner.scan(), Protocol.TCP, "127.0.0.1", port)).isPresent();
        }
        assertThat(find(scanner.scan(), Protocol.TCP, "127.0.0.1", port)).isEmpty();
    }

    @Test
    void findsTheSocketOfAChildJvmWithTheChildsPidAndLosesItWhenTheChildEnds() throws Exception {
        try (ChildJvm child = ChildJvm.start("tcp")) {
            ListeningSocket found = find(scanner.scan(), Protocol.TCP, "127.0.0.1", child.port()).orElseThrow();
            assertThat(found.ownerPid()).hasValue((int) child.pid());
            assertThat(found.owner().orElseThrow().commandLine()).contains("ListenerMain");

            child.stop();

            assertThat(find(scanner.scan(), Protocol.TCP, "127.0.0.1", child.port())).isEmpty();
        }
    }

    @Test
    void snapshotsAreSortedAndCarryTheScannerName() {
        Snapshot s = scanner.scan();
        assertThat(s.scanner()).isEqualTo("oshi");
        assertThat(s.sockets()).extracting(ListeningSocket::key).isSorted();
        assertThat(s.sockets()).extracting(ListeningSocket::key).doesNotHaveDuplicates();
    }

    /**
     * The socket on that address and port. A Java socket bound to 127.0.0.1 is a dual-stack IPv6
     * socket on Linux and shows as ::ffff:127.0.0.1, so v4-mapped addresses count as their IPv4.
     */
    static Optional<ListeningSocket> find(Snapshot s, Protocol protocol, String address, int port) {
        IpAddress wanted = IpAddress.parse(address);
        return s.sockets().stream().filter(x -> x.protocol() == protocol && x.port() == port
                && x.address().unmapped().equals(wanted)).findFirst();
    }

    static boolean hasIpv6Loopback() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return probe.getLocalPort() > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
