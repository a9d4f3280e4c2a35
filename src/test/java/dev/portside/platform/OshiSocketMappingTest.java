package dev.portside.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import oshi.SystemInfo;
import oshi.software.os.InternetProtocolStats.IPConnection;
import oshi.software.os.InternetProtocolStats.TcpState;

/**
 * Each system's OSHI table, as OSHI 7.5 builds its rows there (oshi.driver.windows.IPHlpAPI: UDP
 * rows with state NONE and no remote end; macOS: a row per process socket, UDP NONE; Linux:
 * /proc/net, unconnected UDP CLOSED, unreadable owners -1), and Linux's read live.
 */
class OshiSocketMappingTest {

    private static final byte[] ANY4 = {0, 0, 0, 0};
    private static final byte[] LOOP4 = {127, 0, 0, 1};
    private static final byte[] LAN4 = {(byte) 192, (byte) 168, 1, 20};
    private static final byte[] ANY6 = new byte[16];
    private static final byte[] NONE = new byte[0];

    private static IPConnection row(String type, byte[] local, int port, byte[] remote, int remotePort,
            TcpState state, int pid) {
        return new IPConnection(type, local, port, remote, remotePort, state, 0, 0, pid);
    }

    @Test
    void windowsUdpRowsAreAllBoundAndPidZeroIsNoOwner() {
        OshiSocketMapping windows = OshiSocketMapping.windows();
        IPConnection rpc = row("tcp4", ANY4, 135, ANY4, 0, TcpState.LISTEN, 1132);
        IPConnection smb = row("tcp4", ANY4, 445, ANY4, 0, TcpState.LISTEN, 4);
        IPConnection browsing = row("tcp4", LAN4, 51234, new byte[] {93, (byte) 184, (byte) 215, 14}, 443,
                TcpState.ESTABLISHED, 7788);
        IPConnection waiting = row("tcp4", LAN4, 51200, LAN4, 443, TcpState.TIME_WAIT, 0);
        IPConnection mdns = row("udp4", ANY4, 5353, NONE, 0, TcpState.NONE, 2208);
        IPConnection llmnr = row("udp6", ANY6, 5355, NONE, 0, TcpState.NONE, 1876);
        IPConnection orphan = row("tcp6", ANY6, 2869, ANY6, 0, TcpState.LISTEN, 0);
        assertThat(List.of(rpc, smb, browsing, waiting, mdns, llmnr, orphan)).filteredOn(windows::isListening)
                .containsExactly(rpc, smb, mdns, llmnr, orphan);
        assertThat(windows.owner(smb)).as("pid 4 is the kernel, System: a real owner").hasValue(4);
        assertThat(windows.owner(mdns)).hasValue(2208);
        assertThat(windows.owner(orphan)).isEmpty();
    }

    @Test
    void macUdpHasNoStateAndAConnectedOneHasARemotePort() {
        OshiSocketMapping mac = OshiSocketMapping.mac();
        IPConnection postgres = row("tcp4", LOOP4, 5432, ANY4, 0, TcpState.LISTEN, 611);
        IPConnection mdns = row("udp4", ANY4, 5353, ANY4, 0, TcpState.NONE, 298);
        IPConnection ntp = row("udp4", LAN4, 61001, new byte[] {17, (byte) 253, 34, (byte) 253}, 123, TcpState.NONE, 402);
        IPConnection closing = row("tcp4", LOOP4, 5432, LOOP4, 49822, TcpState.CLOSE_WAIT, 611);
        assertThat(List.of(postgres, mdns, ntp, closing)).filteredOn(mac::isListening).containsExactly(postgres, mdns);
        assertThat(mac.owner(mdns)).hasValue(298);
    }

    @Test
    void linuxUdpIsClosedWhenUnconnectedAndMinusOneIsAHiddenOwner() {
        OshiSocketMapping linux = OshiSocketMapping.linux();
        IPConnection ssh = row("tcp4", ANY4, 22, ANY4, 0, TcpState.LISTEN, -1);
        IPConnection dhcp = row("udp4", ANY4, 68, ANY4, 0, TcpState.CLOSED, 901);
        IPConnection dns = row("udp4", LAN4, 40111, LAN4, 53, TcpState.ESTABLISHED, 1500);
        IPConnection windowsStyle = row("udp4", ANY4, 5353, NONE, 0, TcpState.NONE, 700);
        assertThat(List.of(ssh, dhcp, dns, windowsStyle)).filteredOn(linux::isListening).containsExactly(ssh, dhcp);
        assertThat(linux.owner(ssh)).as("another user's sshd").isEmpty();
        assertThat(linux.owner(dhcp)).hasValue(901);
    }

    @Test
    void linuxAsOshiReallyReportsItHere() throws Exception {
        assumeTrue(OsFamily.current() == OsFamily.LINUX, "Linux only");
        try (ServerSocket tcp = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                DatagramSocket bound = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                DatagramSocket connected = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            connected.connect(bound.getLocalSocketAddress());
            List<IPConnection> table = new SystemInfo().getOperatingSystem().getInternetProtocolStats().getConnections();
            int me = (int) ProcessHandle.current().pid();
            IPConnection tcpRow = find(table, "tcp", tcp.getLocalPort());
            IPConnection boundRow = find(table, "udp", bound.getLocalPort());
            IPConnection connectedRow = find(table, "udp", connected.getLocalPort());
            assertThat(boundRow.getState()).isEqualTo(TcpState.CLOSED);
            assertThat(connectedRow.getState()).isEqualTo(TcpState.ESTABLISHED);
            OshiSocketMapping linux = OshiSocketMapping.linux();
            assertThat(linux.isListening(tcpRow)).isTrue();
            assertThat(linux.isListening(boundRow)).isTrue();
            assertThat(linux.isListening(connectedRow)).isFalse();
            assertThat(linux.owner(tcpRow)).isEqualTo(OptionalInt.of(me));
        }
    }

    private static IPConnection find(List<IPConnection> table, String type, int port) {
        return table.stream().filter(c -> c.getType().startsWith(type) && c.getLocalPort() == port).findFirst()
                .orElseThrow(() -> new AssertionError("OSHI does not list " + type + " port " + port));
    }
}
