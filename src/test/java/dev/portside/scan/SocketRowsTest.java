package dev.portside.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** IPv4 rows hold their 4 address bytes and zeros: nothing an earlier poll left reaches a comparison. */
class SocketRowsTest {

    private static int addV6(SocketRows rows, int port, byte fill) {
        int r = rows.add(SocketRows.TCP, SocketRows.V6, port, 1000 + port);
        Arrays.fill(rows.address, r * 16, r * 16 + 16, fill);
        return r;
    }

    private static int addV4(SocketRows rows, int port) {
        int r = rows.add(SocketRows.TCP, SocketRows.V4, port, 1000 + port);
        System.arraycopy(new byte[] {127, 0, 0, 1}, 0, rows.address, r * 16, 4);
        return r;
    }

    @Test
    void aReusedRowOfAnIpv4SocketHasNoBytesOfTheSocketBefore() {
        SocketRows a = new SocketRows();
        addV6(a, 22, (byte) 0x5a); // a poll with an IPv6 socket in row 0
        a.clear();
        int r = addV4(a, 3000); // the next poll's IPv4 socket in the same row
        assertThat(Arrays.copyOfRange(a.address, r * 16 + 4, r * 16 + 16)).containsOnly(0);
        assertThat(a.ifindex[r]).isZero();

        SocketRows b = new SocketRows();
        addV4(b, 3000);
        assertThat(a.sameAs(b)).as("the same sockets, whatever the rows held before").isTrue();
    }

    @Test
    void theInterfaceIsPartOfWhatARowIs() {
        SocketRows a = new SocketRows();
        SocketRows b = new SocketRows();
        addV6(a, 8080, (byte) 1);
        addV6(b, 8080, (byte) 1);
        assertThat(a.sameAs(b)).isTrue();
        b.ifindex[0] = 3;
        assertThat(a.sameAs(b)).isFalse();
    }

    @Test
    void retainKeepsEachRowsInterface() {
        SocketRows a = new SocketRows();
        addV6(a, 1, (byte) 1);
        int r = addV6(a, 2, (byte) 2);
        a.ifindex[r] = 7;
        a.retain((protocol, port, inode) -> port == 2);
        assertThat(a.size()).isEqualTo(1);
        assertThat(a.ifindex[0]).isEqualTo(7);
        assertThat(a.address[0]).isEqualTo((byte) 2);
    }
}
