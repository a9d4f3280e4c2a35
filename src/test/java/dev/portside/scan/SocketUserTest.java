package dev.portside.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portside.core.ListeningSocket;
import dev.portside.core.SocketUser;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel names each socket's user even when its process is hidden: the uid column of /proc/net
 * and netlink's idiag_uid, resolved to an account name.
 */
class SocketUserTest {

    @TempDir
    Path proc;

    @Test
    void theUidColumnOfProcNetNamesAHiddenSocketsUser() throws Exception {
        Files.createDirectories(proc.resolve("net"));
        // /proc/net/tcp as Linux 6.1 writes it: PostgreSQL's listener (uid 65534 here, so that
        // /etc/passwd names it on any machine) and a root one; no process in this /proc holds them.
        Files.writeString(proc.resolve("net/tcp"), String.join("\n",
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 0100007F:1538 00000000:0000 0A 00000000:00000000 00:00000000 00000000 65534        0 41213 1 "
                        + "0000000000000000 100 0 0 10 0",
                "   1: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 532 1 "
                        + "00000000e9bdb1d3 100 0 0 10 0",
                "   2: 0100007F:A2C4 0100007F:1538 01 00000000:00000000 00:00000000 00000000  1000        0 51234 1 "
                        + "0000000000000000 20 4 30 10 -1", ""));
        Files.writeString(proc.resolve("stat"), "cpu 1 2 3\nbtime 1700000000\n");
        try (LinuxPortScanner scanner = new LinuxPortScanner(new ProcNetSocketSource(proc.toString()), proc.toString(),
                Clock.systemUTC(), System::nanoTime, Duration.ZERO, Duration.ofDays(1))) {
            List<ListeningSocket> sockets = scanner.scan().sockets();
            assertThat(sockets).hasSize(2); // the established connection is no listener
            ListeningSocket pg = sockets.stream().filter(s -> s.port() == 5432).findFirst().orElseThrow();
            assertThat(pg.ownerHidden()).isTrue();
            assertThat(pg.user()).isEqualTo(new SocketUser(65534, "nobody"));
            assertThat(pg.userName()).isEqualTo("nobody");
            ListeningSocket xinu = sockets.stream().filter(s -> s.port() == 2024).findFirst().orElseThrow();
            assertThat(xinu.user()).isEqualTo(new SocketUser(0, "root"));
        }
    }

    @Test
    void netlinkAndProcNetAgreeOnTheUserOfOurOwnSocket() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "Linux only");
        String me = System.getProperty("user.name");
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                LinuxPortScanner netlink = LinuxPortScanner.netlink();
                LinuxPortScanner procNet = LinuxPortScanner.procNet()) {
            for (LinuxPortScanner scanner : List.of(netlink, procNet)) {
                ListeningSocket mine = scanner.scan().onPort(server.getLocalPort()).get(0);
                assertThat(mine.user().known()).as(scanner.name()).isTrue();
                assertThat(mine.user().name()).as(scanner.name()).isEqualTo(me);
                assertThat(mine.userName()).isEqualTo(me);
            }
        }
    }
}
