package dev.portside.cli;

import static dev.portside.testing.FakeScanner.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.portside.core.Snapshot;
import dev.portside.scan.PortScanner;
import dev.portside.testing.FakeScanner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** How {@code list --watch} ends: after the poll in flight, with the scanner closed last. */
class WatchLoopTest {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch scanning = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** A scanner whose second scan blocks until the test releases it. */
    private final PortScanner slow = new PortScanner() {
        private final FakeScanner fake = new FakeScanner();
        private int scans;

        @Override
        public Snapshot scan() {
            if (++scans == 2) {
                scanning.countDown();
                await(release);
                events.add("scan ended");
            }
            return fake.scan();
        }

        @Override
        public String name() {
            return "slow";
        }

        @Override
        public void close() {
            events.add("closed");
        }
    };

    @Test
    void stoppingWaitsForThePollInFlightThenClosesTheScanner() throws Exception {
        WatchLoop loop = new WatchLoop(slow, Duration.ofMillis(1), 0, s -> events.add("printed"));
        Thread main = new Thread(() -> {
            try {
                loop.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "watch-main");
        main.start();
        assertThat(scanning.await(10, TimeUnit.SECONDS)).isTrue();

        boolean[] stopped = new boolean[1];
        Thread hook = new Thread(() -> stopped[0] = loop.stop(Duration.ofSeconds(30)), "watch-hook");
        hook.start();
        // the hook waits (it is parked on the loop's end), and nothing is closed under the scan
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> hook.getState() == Thread.State.TIMED_WAITING);
        assertThat(events).containsExactly("printed");

        release.countDown();
        hook.join(10_000);
        main.join(10_000);
        assertThat(stopped[0]).isTrue();
        assertThat(events).containsExactly("printed", "scan ended", "printed", "closed");
    }

    @Test
    void stoppingWhileItWaitsForTheNextPollEndsAtOnce() throws Exception {
        FakeScanner scanner = new FakeScanner();
        CountDownLatch printed = new CountDownLatch(1);
        WatchLoop loop = new WatchLoop(scanner, Duration.ofHours(1), 0, s -> {
            printed.countDown();
            return true;
        });
        Thread main = new Thread(() -> {
            try {
                loop.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        main.start();
        assertThat(printed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(loop.stop(Duration.ofSeconds(10))).as("long before the hour").isTrue();
        assertThat(scanner.closeCount()).isEqualTo(1);
        assertThat(scanner.scanCount()).isEqualTo(1);
    }

    @Test
    void countAndAClosedOutputEndTheLoopAndCloseTheScanner() throws Exception {
        FakeScanner scanner = new FakeScanner();
        scanner.set(tcp("127.0.0.1", 3000, 1, "node"));
        new WatchLoop(scanner, Duration.ofMillis(1), 3, s -> true).run();
        assertThat(scanner.scanCount()).isEqualTo(3);
        assertThat(scanner.closeCount()).isEqualTo(1);

        FakeScanner gone = new FakeScanner();
        new WatchLoop(gone, Duration.ofMillis(1), 0, s -> false).run();
        assertThat(gone.scanCount()).isEqualTo(1);
        assertThat(gone.closeCount()).isEqualTo(1);
    }

    @Test
    void sigtermEndsARealWatchWithWholeLines() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "dev.portside.Launcher",
                "list", "--watch", "--json", "--interval", "0.1").start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lines.add(out.readLine());
        }
        p.toHandle().destroy(); // SIGTERM, as `kill` sends (Process.destroy would close our pipes too)
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(143);
        assertThat(lines).allSatisfy(l -> assertThat(JsonParser.parseString(l).isJsonArray()).isTrue());
        assertThat(err).doesNotContain("Exception");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
