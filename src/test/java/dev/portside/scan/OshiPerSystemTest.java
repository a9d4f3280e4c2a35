package dev.portside.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.ListeningSocket;
import dev.portside.core.Protocol;
import dev.portside.core.Snapshot;
import dev.portside.platform.OshiSocketMapping;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import oshi.software.os.InternetProtocolStats;
import oshi.software.os.InternetProtocolStats.IPConnection;
import oshi.software.os.InternetProtocolStats.TcpState;
import oshi.software.os.OperatingSystem;

/**
 * The portable scanner on another system's OSHI table: rows as OSHI builds them on Windows, read
 * through the Windows mapping, give the sockets a Windows user sees (UDP included, the kernel's
 * pid 4 as an owner, pid 0 hidden).
 */
class OshiPerSystemTest {

    private static final byte[] ANY4 = {0, 0, 0, 0};

    /** An OSHI operating system whose only answers are this connection table and no process details. */
    private static OperatingSystem recorded(List<IPConnection> table) {
        InternetProtocolStats stats = (InternetProtocolStats) Proxy.newProxyInstance(
                OshiPerSystemTest.class.getClassLoader(), new Class<?>[] {InternetProtocolStats.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnections")) {
                        return table;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (OperatingSystem) Proxy.newProxyInstance(OshiPerSystemTest.class.getClassLoader(),
                new Class<?>[] {OperatingSystem.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getInternetProtocolStats" -> stats;
                    case "getProcesses" -> List.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aWindowsTableReadThroughTheWindowsMapping() {
        List<IPConnection> table = List.of(
                new IPConnection("tcp4", ANY4, 445, ANY4, 0, TcpState.LISTEN, 0, 0, 4),
                new IPConnection("tcp4", ANY4, 2869, ANY4, 0, TcpState.LISTEN, 0, 0, 0),
                new IPConnection("udp4", ANY4, 5353, new byte[0], 0, TcpState.NONE, 0, 0, 2208),
                new IPConnection("tcp4", ANY4, 51200, ANY4, 443, TcpState.TIME_WAIT, 0, 0, 0));
        try (OshiPortScanner scanner = new OshiPortScanner(recorded(table), Clock.systemUTC(),
                OshiSocketMapping.windows())) {
            Snapshot s = scanner.scan();
            assertThat(s.sockets()).extracting(ListeningSocket::port).containsExactlyInAnyOrder(445, 2869, 5353);
            assertThat(s.onPort(445).get(0).ownerPid()).hasValue(4);
            assertThat(s.onPort(2869).get(0).owner()).as("pid 0: hidden").isEmpty();
            assertThat(s.onPort(5353).get(0).protocol()).isEqualTo(Protocol.UDP);
        }
    }

    @Test
    void aMacTableHasOneRowPerHoldingProcessAndTheScannerKeepsEveryPid() {
        // OSHI on macOS walks each process's descriptors (proc_pidinfo PROC_PIDLISTFDS): a socket
        // that a parent and its forked child both hold is two rows with the same address, one per pid.
        byte[] loopback = {127, 0, 0, 1};
        List<IPConnection> table = List.of(
                new IPConnection("tcp4", loopback, 8000, ANY4, 0, TcpState.LISTEN, 0, 0, 501),
                new IPConnection("tcp4", loopback, 8000, ANY4, 0, TcpState.LISTEN, 0, 0, 502));
        try (OshiPortScanner scanner = new OshiPortScanner(recorded(table), Clock.systemUTC(),
                OshiSocketMapping.mac())) {
            List<ListeningSocket> sockets = scanner.scan().sockets();
            assertThat(sockets).hasSize(1);
            assertThat(sockets.get(0).owners()).extracting(p -> p.pid()).containsExactly(501, 502);
        }
    }

    @Test
    void theLinuxMappingWouldMissWindowsUdp() {
        List<IPConnection> table = List.of(new IPConnection("udp4", ANY4, 5353, new byte[0], 0, TcpState.NONE, 0, 0, 9));
        try (OshiPortScanner scanner = new OshiPortScanner(recorded(table), Clock.systemUTC(),
                OshiSocketMapping.linux())) {
            assertThat(scanner.scan().sockets()).as("why the mapping is per system").isEmpty();
        }
    }
}
