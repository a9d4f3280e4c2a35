package dev.portside.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.Snapshot;
import dev.portside.testing.FakeScanner;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "Refresh now" while paused: one poll, then still paused. */
class PollingRefreshTest {

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
    void refreshWhilePausedPollsOnceAndStaysPaused() throws Exception {
        polling.setInterval(Duration.ofMillis(20));
        polling.setPaused(true);
        polling.start();
        assertThat(outcomes.poll(200, TimeUnit.MILLISECONDS)).isNull();

        polling.refresh();
        assertThat(outcomes.poll(10, TimeUnit.SECONDS)).isInstanceOf(Snapshot.class);
        // Twenty intervals pass without another poll.
        assertThat(outcomes.poll(400, TimeUnit.MILLISECONDS)).isNull();
        assertThat(scanner.scanCount()).isEqualTo(1);
        assertThat(polling.isPaused()).isTrue();
    }

    @Test
    void refreshWhileRunningIsAPollNow() throws Exception {
        polling.setInterval(Duration.ofSeconds(30));
        polling.start();
        assertThat(outcomes.poll(10, TimeUnit.SECONDS)).isInstanceOf(Snapshot.class);
        polling.refresh();
        assertThat(outcomes.poll(10, TimeUnit.SECONDS)).as("long before the 30 s interval").isInstanceOf(Snapshot.class);
    }
}
