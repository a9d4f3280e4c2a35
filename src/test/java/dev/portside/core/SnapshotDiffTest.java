package dev.portside.core;

import static dev.portside.testing.FakeScanner.tcp;
import static dev.portside.testing.FakeScanner.udp;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotDiffTest {

    @Test
    void socketsAreAddedRemovedAndKeptByProtocolAddressAndPort() {
        List<ListeningSocket> before = List.of(tcp("127.0.0.1", 3000, 10, "node"), tcp("0.0.0.0", 22, 1, "sshd"),
                udp("127.0.0.53", 53, 5, "systemd-resolved"));
        List<ListeningSocket> after = List.of(tcp("127.0.0.1", 3000, 10, "node"), udp("127.0.0.53", 53, 5,
                "systemd-resolved"), tcp("::1", 5432, 7, "postgres"));

        SnapshotDiff diff = SnapshotDiff.between(before, after);

        assertThat(diff.added()).extracting(ListeningSocket::key).containsExactly(
                new SocketKey(Protocol.TCP, IpAddress.parse("::1"), 5432));
        assertThat(diff.removed()).extracting(ListeningSocket::port).containsExactly(22);
        assertThat(diff.kept()).extracting(ListeningSocket::port).containsExactlyInAnyOrder(3000, 53);
        assertThat(diff.changed()).isEmpty();
        assertThat(diff.isEmpty()).isFalse();
    }

    @Test
    void aNewOwnerOnTheSameSocketIsAChangeNotANewSocket() {
        SnapshotDiff diff = SnapshotDiff.between(List.of(tcp("127.0.0.1", 3000, 10, "node")),
                List.of(tcp("127.0.0.1", 3000, 11, "node")));
        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.changed()).extracting(s -> s.ownerPid().getAsInt()).containsExactly(11);
    }

    @Test
    void tcpAndUdpOnOnePortAndTheSamePortOnTwoAddressesAreDistinct() {
        SnapshotDiff diff = SnapshotDiff.between(List.of(tcp("127.0.0.1", 53, 1, "dns")),
                List.of(tcp("127.0.0.1", 53, 1, "dns"), udp("127.0.0.1", 53, 1, "dns"), tcp("::1", 53, 1, "dns"),
                        tcp("::ffff:127.0.0.1", 53, 1, "dns")));
        assertThat(diff.added()).hasSize(3);
        assertThat(diff.kept()).hasSize(1);
    }

    @Test
    void identicalSnapshotsDiffToNothing() {
        List<ListeningSocket> same = List.of(tcp("127.0.0.1", 8080, 3, "java"), tcp("0.0.0.0", 80, 0, "?"));
        assertThat(SnapshotDiff.between(same, List.copyOf(same)).isEmpty()).isTrue();
    }
}
