package dev.portside.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portside.testing.Namespaces;
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
        try {
            new NetlinkSocketSource().close();
        } catch (ScanException e) {
            // Refused here (a sandbox's network namespace): make one where it may answer.
            String why = Namespaces.unavailable();
            assumeTrue(why.isEmpty(), "netlink refused here (" + e.getMessage() + ") and no namespace of our own: "
                    + why);
            inAFreshNetworkNamespace();
            return;
        }
        agree();
    }

    /** The same in a network namespace of the test's own. */
    @Test
    void inAFreshNetworkNamespace() throws Exception {
        String why = Namespaces.unavailable();
        assumeTrue(why.isEmpty(), why);
        Namespaces.Run run = Namespaces.runJava(Namespaces.NETWORK, "ip link set lo up\n", InNamespace.class);
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("dumps agree");
    }

    static void agree() throws Exception {
        try (NetlinkSocketSource combined = new NetlinkSocketSource(); NetlinkSocketSource perFamily = new NetlinkSocketSource();
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

    /** {@link #agree} as a program, for a namespace of its own. */
    public static final class InNamespace {
        private InNamespace() {
        }

        public static void main(String[] args) throws Exception {
            agree();
            System.out.println("dumps agree");
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
