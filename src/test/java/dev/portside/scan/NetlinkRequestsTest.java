package dev.portside.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The combined TCP dump (both families in one walk) finds what the per-family dumps find. */
class NetlinkRequestsTest {

    @Test
    void combinedAndPerFamilyDumpsAgree() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "Linux only");
        NetlinkSocketSource combined;
        try {
            combined = new NetlinkSocketSource();
        } catch (ScanException e) {
            assumeTrue(false, "netlink refused here: " + e.getMessage());
            return;
        }
        try (combined; NetlinkSocketSource perFamily = new NetlinkSocketSource();
                ServerSocketChannel v4 = ServerSocketChannel.open(StandardProtocolFamily.INET);
                ServerSocketChannel v6 = ServerSocketChannel.open(StandardProtocolFamily.INET6)) {
            perFamily.askPerFamily();
            v4.bind(new InetSocketAddress("127.0.0.1", 0));
            v6.bind(new InetSocketAddress("::1", 0));
            Set<Integer> ours = Set.of(((InetSocketAddress) v4.getLocalAddress()).getPort(),
                    ((InetSocketAddress) v6.getLocalAddress()).getPort());
            assertThat(rows(combined, ours)).isEqualTo(rows(perFamily, ours)).hasSize(2)
                    .anyMatch(r -> r.startsWith("0 4 ")).anyMatch(r -> r.startsWith("0 6 "));
        }
    }

    private static Set<String> rows(SocketSource source, Set<Integer> ports) {
        SocketRows rows = new SocketRows();
        source.read(rows);
        Set<String> out = new TreeSet<>();
        for (int r = 0; r < rows.size; r++) {
            if (ports.contains(rows.port[r])) {
                out.add(rows.protocol[r] + " " + rows.family[r] + " " + rows.port[r] + " " + rows.inode[r]);
            }
        }
        return out;
    }
}
