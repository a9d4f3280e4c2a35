package dev.portside.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portside.core.ListeningSocket;
import dev.portside.core.Snapshot;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * On the real /proc: a socket whose owner this user cannot see (another user, or another user
 * namespace, as port 2024 on the build machine) is looked for once, then remembered as hidden.
 */
class HiddenOwnerTest {

    @Test
    void anInvisibleOwnerIsLookedForOnce() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "Linux only");
        try (ServerSocket mine = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                LinuxPortScanner probe = LinuxPortScanner.procNet()) {
            var hidden = probe.scan().sockets().stream().filter(ListeningSocket::ownerHidden)
                    .filter(s -> s.port() != 0).findFirst();
            assumeTrue(hidden.isPresent(), "no socket with a hidden owner on this machine");
            Set<Integer> ports = Set.of(hidden.get().port(), mine.getLocalPort());
            SocketSource real = new ProcNetSocketSource("/proc");
            SocketSource narrowed = new SocketSource() {
                @Override
                public void read(SocketRows rows) {
                    real.read(rows);
                    rows.retain((protocol, port, inode) -> ports.contains(port));
                }

                @Override
                public String name() {
                    return "test";
                }
            };
            try (LinuxPortScanner scanner = new LinuxPortScanner(narrowed, "/proc", Clock.systemUTC(),
                    System::nanoTime, Duration.ZERO, Duration.ofDays(1))) {
                Snapshot last = null;
                for (int i = 0; i < 5; i++) {
                    last = scanner.scan();
                }
                assertThat(scanner.rescans()).isEqualTo(1);
                assertThat(last.onPort(hidden.get().port())).allMatch(ListeningSocket::ownerHidden).isNotEmpty();
                assertThat(last.onPort(mine.getLocalPort())).singleElement()
                        .satisfies(s -> assertThat(s.ownerPid().getAsInt()).isEqualTo(ProcessHandle.current().pid()));
            }
        }
    }
}
