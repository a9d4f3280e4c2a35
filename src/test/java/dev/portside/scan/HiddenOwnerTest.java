package dev.portside.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portside.core.ListeningSocket;
import dev.portside.core.Snapshot;
import dev.portside.testing.Namespaces;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * On the real /proc: a socket whose owner this user cannot see (another user, or another user or PID
 * namespace, as port 2024 on the build machine) is looked for once, then remembered as hidden. Where
 * the machine has no such socket, the test makes one: as root it scans from a PID namespace of its
 * own (its own /proc), where the test's socket is there but its owner is not.
 */
class HiddenOwnerTest {

    @Test
    void anInvisibleOwnerIsLookedForOnce() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "Linux only");
        Optional<Integer> hidden;
        try (LinuxPortScanner probe = LinuxPortScanner.procNet()) {
            hidden = probe.scan().sockets().stream().filter(ListeningSocket::ownerHidden)
                    .filter(s -> s.port() != 0).map(ListeningSocket::port).findFirst();
        }
        if (hidden.isPresent()) {
            lookedForOnce(hidden.get());
            return;
        }
        String why = Namespaces.unavailable();
        assumeTrue(why.isEmpty(), "no socket with a hidden owner on this machine, and none can be made: " + why);
        try (ServerSocket invisible = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Namespaces.Run run = Namespaces.runJava(Namespaces.PIDS, "", Child.class,
                    Integer.toString(invisible.getLocalPort()));
            assertThat(run.exit()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("hidden owner looked for once");
        }
    }

    /** Scans five times: one rescan for the unknown owner, then it stays hidden; our own socket is ours. */
    static void lookedForOnce(int hiddenPort) throws Exception {
        try (ServerSocket mine = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Set<Integer> ports = Set.of(hiddenPort, mine.getLocalPort());
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
                assertThat(last.onPort(hiddenPort)).allMatch(ListeningSocket::ownerHidden).isNotEmpty();
                assertThat(last.onPort(mine.getLocalPort())).singleElement()
                        .satisfies(s -> assertThat(s.ownerPid().getAsInt()).isEqualTo(ProcessHandle.current().pid()));
            }
        }
    }

    /** The check, run inside a PID namespace where the socket on the given port has no visible owner. */
    public static final class Child {
        private Child() {
        }

        public static void main(String[] args) throws Exception {
            lookedForOnce(Integer.parseInt(args[0]));
            System.out.println("hidden owner looked for once");
        }
    }
}
