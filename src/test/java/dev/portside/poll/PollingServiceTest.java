package dev.portside.poll;

import static dev.portside.testing.FakeScanner.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.Snapshot;
import dev.portside.testing.FakeScanner;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The schedule is proved by counting polls against a hand-moved clock ({@link ManualScheduler}); the
 * real poll thread is used where the thread is the point (its name, closing during a poll).
 */
class PollingServiceTest {

    private final FakeScanner scanner = new FakeScanner();
    private final BlockingQueue<Object> outcomes = new LinkedBlockingQueue<>();
    private final PollingService.Listener listener = new PollingService.Listener() {
        @Override
        public void onSnapshot(Snapshot snapshot) {
            outcomes.add(snapshot);
        }

        @Override
        public void onPollFailed(Throwable error) {
            outcomes.add(error);
        }
    };
    private final ManualScheduler clock = new ManualScheduler();
    private final PollingService polling = new PollingService(scanner, Runnable::run, listener, clock);

    @AfterEach
    void close() {
        polling.close();
    }

    private int polls() {
        return scanner.scanCount();
    }

    private void seconds(double s) {
        clock.advance(Duration.ofMillis(Math.round(s * 1000)));
    }

    @Test
    void pollsAtOnceThenOncePerInterval() {
        scanner.set(tcp("127.0.0.1", 3000, 5, "node"));
        polling.start();
        clock.runDue();
        assertThat(polls()).isEqualTo(1);
        assertThat(((Snapshot) outcomes.poll()).sockets()).extracting(s -> s.port()).containsExactly(3000);
        seconds(0.999);
        assertThat(polls()).isEqualTo(1);
        seconds(0.001);
        assertThat(polls()).isEqualTo(2);
        seconds(10);
        assertThat(polls()).isEqualTo(12);
    }

    @Test
    void aHiddenWindowPollsTenTimesLessOftenAndGetsFreshDataWhenItComesBack() {
        polling.start();
        clock.runDue();
        seconds(3);
        assertThat(polls()).isEqualTo(4);

        polling.setBackground(true);
        assertThat(polling.effectiveInterval()).isEqualTo(Duration.ofSeconds(10));
        seconds(9.9);
        assertThat(polls()).as("nothing for ten intervals").isEqualTo(4);
        seconds(0.1);
        assertThat(polls()).isEqualTo(5);
        seconds(30);
        assertThat(polls()).isEqualTo(8);

        polling.setBackground(false);
        clock.runDue();
        assertThat(polls()).as("at once when the window is back").isEqualTo(9);
        seconds(5);
        assertThat(polls()).isEqualTo(14);
    }

    @Test
    void aPausedServiceDoesNotPollUntilResumed() {
        polling.setPaused(true);
        polling.start();
        polling.pollNow();
        seconds(3600);
        assertThat(polls()).isZero();
        assertThat(clock.pending()).isZero();

        polling.setPaused(false);
        clock.runDue();
        assertThat(polls()).isEqualTo(1);
        seconds(2);
        assertThat(polls()).isEqualTo(3);
    }

    @Test
    void refreshWhilePausedPollsExactlyOnceAndStaysPaused() {
        polling.setPaused(true);
        polling.start();
        polling.refresh();
        clock.runDue();
        assertThat(polls()).isEqualTo(1);
        seconds(3600);
        assertThat(polls()).isEqualTo(1);
        assertThat(polling.isPaused()).isTrue();
    }

    @Test
    void refreshWhileRunningIsAPollNowAndTheScheduleGoesOnFromThere() {
        polling.setInterval(Duration.ofSeconds(30));
        polling.start();
        clock.runDue();
        seconds(10);
        polling.refresh();
        clock.runDue();
        assertThat(polls()).isEqualTo(2);
        seconds(29.9);
        assertThat(polls()).isEqualTo(2);
        seconds(0.1);
        assertThat(polls()).isEqualTo(3);
    }

    @Test
    void aShorterIntervalTakesEffectAtOnce() {
        polling.setInterval(Duration.ofSeconds(5));
        polling.start();
        clock.runDue();
        polling.setInterval(Duration.ofMillis(500));
        seconds(1);
        assertThat(polls()).isEqualTo(3);
    }

    @Test
    void aFailingPollIsReportedAndPollingGoesOn() {
        scanner.failWith(new IllegalStateException("cannot read /proc/net/tcp"));
        polling.start();
        clock.runDue();
        seconds(1);
        assertThat(outcomes).hasSize(2).allSatisfy(o -> assertThat(o).isInstanceOf(IllegalStateException.class)
                .hasFieldOrPropertyWithValue("message", "cannot read /proc/net/tcp"));

        scanner.set(List.of(tcp("127.0.0.1", 8080, 9, "java")));
        seconds(1);
        assertThat(outcomes).hasSize(3).last().isInstanceOf(Snapshot.class);
    }

    @Test
    void afterCloseNothingPollsAndTheScannerIsClosed() {
        polling.start();
        clock.runDue();
        polling.close();
        seconds(60);
        polling.pollNow();
        polling.refresh();
        seconds(60);
        assertThat(polls()).isEqualTo(1);
        assertThat(scanner.closeCount()).isEqualTo(1);
    }

    @Test
    void pollsOnItsOwnThread() throws Exception {
        FakeScanner real = new FakeScanner();
        BlockingQueue<String> threads = new LinkedBlockingQueue<>();
        real.onScan(() -> threads.add(Thread.currentThread().getName()));
        PollingService onThread = new PollingService(real, Runnable::run, listener);
        try {
            onThread.start();
            assertThat(threads.poll(10, TimeUnit.SECONDS)).isEqualTo("portside-poll");
        } finally {
            onThread.close();
        }
    }

    @Test
    void closeWaitsForThePollInFlightBeforeItClosesTheScanner() throws Exception {
        FakeScanner real = new FakeScanner();
        CountDownLatch scanning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        real.onScan(() -> {
            scanning.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                events.add("interrupted");
            }
            events.add("scan ended");
        });
        PollingService onThread = new PollingService(real, Runnable::run, listener);
        onThread.start();
        assertThat(scanning.await(10, TimeUnit.SECONDS)).isTrue();

        Thread closer = new Thread(() -> {
            onThread.close();
            events.add("close returned with " + real.closeCount() + " close");
        }, "closer");
        closer.start();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> closer.getState() == Thread.State.TIMED_WAITING);
        assertThat(real.closeCount()).as("not closed under the scan").isZero();
        assertThat(events).isEmpty();

        release.countDown();
        closer.join(10_000);
        assertThat(events).containsExactly("scan ended", "close returned with 1 close");
        assertThat(outcomes).as("a closed window gets no more snapshots").isEmpty();
    }

    @Test
    void aPollThatDoesNotEndLeavesItsScannerOpenRatherThanFreeItUnderARead() throws Exception {
        FakeScanner real = new FakeScanner();
        CountDownLatch scanning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        real.onScan(() -> {
            scanning.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        PollingService onThread = new PollingService(real, Runnable::run, listener);
        onThread.start();
        assertThat(scanning.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(onThread.close(Duration.ofMillis(50))).isFalse();
        assertThat(real.closeCount()).isZero();
        release.countDown();
    }
}
