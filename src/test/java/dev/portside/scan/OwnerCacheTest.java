package dev.portside.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Snapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owner cache against a fake /proc tree (fd links are real symlinks to "socket:[N]" text) and a
 * socket source the test controls: which events cause a full fd rescan, and which must not.
 */
class OwnerCacheTest {

    @TempDir
    Path proc;

    private final List<long[]> sockets = new ArrayList<>(); // {port, inode}
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private LinuxPortScanner scanner;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(proc.resolve("stat"), "cpu 1 2 3\nbtime 1700000000\nprocesses 5\n");
        SocketSource source = new SocketSource() {
            @Override
            public void read(SocketRows rows) {
                for (long[] s : sockets) {
                    int r = rows.add(SocketRows.TCP, SocketRows.V4, (int) s[0], s[1]);
                    rows.address[r * 16] = 127;
                    rows.address[r * 16 + 3] = 1;
                }
            }

            @Override
            public String name() {
                return "test";
            }
        };
        scanner = new LinuxPortScanner(source, proc.toString(), Clock.systemUTC(), nanos::get,
                Duration.ofMillis(500), Duration.ofDays(1));
    }

    @Test
    void knownSocketsCostNoRescanAndKeepTheirValues() throws IOException {
        process(100, "web", 500, 1000);
        socket(8080, 1000);
        Snapshot first = poll();
        assertThat(owner(first, 8080)).extracting(ProcessInfo::pid, ProcessInfo::name).containsExactly(100, "web");
        assertThat(scanner.rescans()).isEqualTo(1);
        for (int i = 0; i < 5; i++) {
            Snapshot again = poll();
            assertThat(again.sockets()).isEqualTo(first.sockets());
            assertThat(again.sockets().get(0)).isSameAs(first.sockets().get(0));
        }
        assertThat(scanner.rescans()).isEqualTo(1);
        assertThat(scanner.processReads()).isEqualTo(1);
    }

    @Test
    void anUnchangedPollHandsOutTheSameListAndARenamedProcessIsSeen() throws IOException {
        process(100, "web", 500, 1000);
        socket(8080, 1000);
        Snapshot first = poll();
        Snapshot second = poll();
        assertThat(second.sockets()).isEqualTo(first.sockets());
        assertThat(second.sockets().get(0)).isSameAs(first.sockets().get(0));
        // same pid and start time, a new name (exec): the row shows the new name at once
        process(100, "web-v2", 500, 1000);
        assertThat(owner(poll(), 8080).name()).isEqualTo("web-v2");
        assertThat(scanner.rescans()).isEqualTo(1);
    }

    @Test
    void newSocketInAKnownProcessAndANewProcessEachCostOneRescan() throws IOException {
        process(100, "web", 500, 1000);
        socket(8080, 1000);
        poll();
        process(100, "web", 500, 1000, 1001);
        socket(8081, 1001);
        assertThat(owner(poll(), 8081).pid()).isEqualTo(100);
        assertThat(scanner.rescans()).isEqualTo(2);
        assertThat(scanner.processReads()).isEqualTo(1); // the known process is not read again

        process(200, "db", 700, 2000);
        socket(5432, 2000);
        assertThat(owner(poll(), 5432)).extracting(ProcessInfo::pid, ProcessInfo::name).containsExactly(200, "db");
        assertThat(scanner.rescans()).isEqualTo(3);
        assertThat(scanner.processReads()).isEqualTo(2);
    }

    @Test
    void aClosedSocketLeavesWithoutARescan() throws IOException {
        process(100, "web", 500, 1000, 1001);
        socket(8080, 1000);
        socket(8081, 1001);
        poll();
        sockets.removeIf(s -> s[1] == 1001);
        assertThat(poll().sockets()).extracting(ListeningSocket::port).containsExactly(8080);
        assertThat(scanner.rescans()).isEqualTo(1);
    }

    @Test
    void aReusedPidIsReadAsTheNewProcess() throws IOException {
        process(200, "old", 700, 2000);
        socket(5000, 2000);
        ProcessInfo before = owner(poll(), 5000);
        // the old process ends with its socket; a new one gets the same pid and opens another
        sockets.clear();
        process(200, "new", 900, 2001);
        socket(6000, 2001);
        ProcessInfo after = owner(poll(), 6000);
        assertThat(after.pid()).isEqualTo(200);
        assertThat(after.name()).isEqualTo("new");
        assertThat(after.startTime()).isAfter(before.startTime());
        assertThat(scanner.processReads()).isEqualTo(2);
    }

    @Test
    void aReusedPidHoldingAKnownInodeIsNotTakenForTheOldProcess() throws IOException {
        process(300, "first", 700, 3000);
        socket(7000, 3000);
        poll();
        // same pid, same socket, another start time: the cached details must not survive
        process(300, "second", 800, 3000);
        ProcessInfo after = owner(poll(), 7000);
        assertThat(after.name()).isEqualTo("second");
        assertThat(after.startTime()).isEqualTo(java.time.Instant.ofEpochSecond(1700000000L + 8));
    }

    @Test
    void aSocketWithAnInvisibleOwnerCausesNoRescanStorm() throws IOException {
        process(100, "web", 500, 1000);
        socket(8080, 1000);
        socket(2024, 9999); // nobody visible holds inode 9999
        Snapshot first = poll();
        assertThat(first.sockets()).filteredOn(s -> s.port() == 2024).singleElement()
                .matches(ListeningSocket::ownerHidden);
        for (int i = 0; i < 10; i++) {
            poll();
        }
        assertThat(scanner.rescans()).isEqualTo(1);
        // a genuinely new socket still gets its owner, and the hidden one stays remembered
        process(100, "web", 500, 1000, 1002);
        socket(8082, 1002);
        assertThat(owner(poll(), 8082).pid()).isEqualTo(100);
        poll();
        assertThat(scanner.rescans()).isEqualTo(2);
    }

    @Test
    void rescansAreRateLimitedUnderChurn() throws IOException {
        process(100, "web", 500, 1000);
        socket(8080, 1000);
        poll();
        // a new socket right after a rescan waits for the gap: not shown as another user's socket,
        // but left out until a rescan has looked, then shown with its owner
        process(100, "web", 500, 1000, 1003);
        socket(8083, 1003);
        nanos.addAndGet(Duration.ofMillis(100).toNanos());
        Snapshot early = scanner.scan();
        assertThat(early.sockets()).extracting(ListeningSocket::port).containsExactly(8080);
        assertThat(scanner.rescans()).isEqualTo(1);
        nanos.addAndGet(Duration.ofMillis(100).toNanos());
        assertThat(scanner.scan().sockets()).extracting(ListeningSocket::port).containsExactly(8080);
        assertThat(scanner.rescans()).isEqualTo(1);
        assertThat(owner(poll(), 8083).pid()).isEqualTo(100);
        assertThat(scanner.rescans()).isEqualTo(2);
    }

    @Test
    void aSocketSharedByTwoProcessesListsBoth() throws IOException {
        process(100, "master", 500, 1000);
        process(101, "worker", 510, 1000);
        socket(80, 1000);
        ListeningSocket s = poll().sockets().get(0);
        assertThat(s.owners()).extracting(ProcessInfo::pid).containsExactly(100, 101);
    }

    @Test
    void anEndedProcessLeavesItsSharedSocketToTheOther() throws IOException {
        process(100, "master", 500, 1000);
        process(101, "worker", 510, 1000);
        socket(80, 1000);
        poll();
        delete(proc.resolve("101"));
        ListeningSocket s = poll().sockets().get(0);
        assertThat(s.owners()).extracting(ProcessInfo::pid).containsExactly(100);
        assertThat(scanner.rescans()).isEqualTo(1);
    }

    private Snapshot poll() {
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        return scanner.scan();
    }

    private static ProcessInfo owner(Snapshot s, int port) {
        return s.sockets().stream().filter(x -> x.port() == port).findFirst().orElseThrow().owner().orElseThrow();
    }

    private void socket(int port, long inode) {
        sockets.add(new long[] {port, inode});
    }

    /** A process directory: stat with a start time in ticks, cmdline, status, and socket fd links. */
    private void process(int pid, String name, long startTicks, long... inodes) throws IOException {
        Path dir = proc.resolve(Integer.toString(pid));
        delete(dir);
        Files.createDirectories(dir.resolve("fd"));
        Files.writeString(dir.resolve("stat"), pid + " (" + name + ") S 1 " + pid + " " + pid
                + " 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 1 0 " + startTicks + " 1000 100\n");
        Files.write(dir.resolve("cmdline"), ("/usr/bin/" + name + "\0--flag\0").getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("status"), "Name:\t" + name + "\nUid:\t0\t0\t0\t0\n");
        Files.createSymbolicLink(dir.resolve("exe"), Path.of("usr-bin-" + name));
        Files.createSymbolicLink(dir.resolve("fd").resolve("0"), Path.of("pipe:[42]"));
        for (int i = 0; i < inodes.length; i++) {
            Files.createSymbolicLink(dir.resolve("fd").resolve(Integer.toString(3 + i)),
                    Path.of("socket:[" + inodes[i] + "]"));
        }
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
