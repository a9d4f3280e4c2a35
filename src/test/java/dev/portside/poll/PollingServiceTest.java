package dev.portside.poll;

import static dev.portside.testing.FakeScanner.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.Snapshot;
import dev.portside.testing.FakeScanner;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollingServiceTest {

    private final FakeScanner scanner = new FakeScanner();
    private final BlockingQueue<Object> outcomes = new LinkedBlockingQueue<>();
    private final PollingService polling = new PollingService(scanner, Runnable::run, new PollingService.Listener() {
        @Override
        public void onSnapshot(Snapshot snapshot) {
            outcomes.add(snapshot);
        }

        @Override
        public void onPollFailed(Throwable error) {
            outcomes.add(error);
        }
    });

    @AfterEach
    void close() {
        polling.close();
    }

    @Test
    void pollsOnItsOwnThreadAndDelivers() throws Exception {
        scanner.set(tcp("127.0.0.1", 3000, 5, "node"));
        BlockingQueue<String> threads = new LinkedBlockingQueue<>();
        scanner.onScan(() -> threads.add(Thread.currentThread().getName()));
        polling.setInterval(Duration.ofMillis(20));
        polling.start();

        Object first = next();
        assertThat(first).isInstanceOf(Snapshot.class);
        assertThat(((Snapshot) first).sockets()).extracting(s -> s.port()).containsExactly(3000);
        assertThat(threads.poll(10, TimeUnit.SECONDS)).isEqualTo("portside-poll");
        assertThat(next()).isInstanceOf(Snapshot.class); // and again, on schedule
    }

    @Test
    void aFailingPollIsReportedAndPollingGoesOn() throws Exception {
        scanner.failWith(new IllegalStateException("cannot read /proc/net/tcp"));
        polling.setInterval(Duration.ofMillis(20));
        polling.start();

        Object failure = next();
        assertThat(failure).isInstanceOf(IllegalStateException.class)
                .hasFieldOrPropertyWithValue("message", "cannot read /proc/net/tcp");
        assertThat(next()).isInstanceOf(IllegalStateException.class);

        scanner.set(List.of(tcp("127.0.0.1", 8080, 9, "java")));
        Object recovered;
        do {
            recovered = next();
        } while (!(recovered instanceof Snapshot));
        assertThat(((Snapshot) recovered).sockets()).hasSize(1);
    }

    @Test
    void pausedServiceDoesNotPollUntilResumed() throws Exception {
        polling.setInterval(Duration.ofMillis(20));
        polling.setPaused(true);
        polling.start();
        polling.pollNow();
        assertThat(outcomes.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(scanner.scanCount()).isZero();

        polling.setPaused(false);
        assertThat(next()).isInstanceOf(Snapshot.class);
    }

    @Test
    void aHiddenWindowPollsTenTimesLessOften() {
        polling.setInterval(Duration.ofSeconds(1));
        polling.setBackground(true);
        assertThat(polling.effectiveInterval()).isEqualTo(Duration.ofSeconds(10));
        polling.setBackground(false);
        assertThat(polling.effectiveInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void refreshWhilePausedPollsOnceAndStaysPaused() throws Exception {
        polling.setInterval(Duration.ofMillis(20));
        polling.setPaused(true);
        polling.start();
        assertThat(outcomes.poll(200, TimeUnit.MILLISECONDS)).isNull();

        polling.refresh();
        assertThat(next()).isInstanceOf(Snapshot.class);
        // Twenty intervals pass without another poll.
        assertThat(outcomes.poll(400, TimeUnit.MILLISECONDS)).isNull();
        assertThat(scanner.scanCount()).isEqualTo(1);
        assertThat(polling.isPaused()).isTrue();
    }

    @Test
    void refreshWhileRunningIsAPollNow() throws Exception {
        polling.setInterval(Duration.ofSeconds(30));
        polling.start();
        assertThat(next()).isInstanceOf(Snapshot.class);
        polling.refresh();
        assertThat(outcomes.poll(10, TimeUnit.SECONDS)).as("long before the 30 s interval").isInstanceOf(Snapshot.class);
    }

    private Object next() throws InterruptedException {
        Object o = outcomes.poll(10, TimeUnit.SECONDS);
        assertThat(o).as("a poll outcome within 10 s").isNotNull();
        return o;
    }
}
