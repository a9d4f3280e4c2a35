package dev.portside.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portside.core.Snapshot;
import dev.portside.testing.FakeScanner;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Opening the scanner away from the FX thread, and closing whatever was opened. */
class LazyScannerTest {

    private final List<String> events = new CopyOnWriteArrayList<>();

    private PortScanner recording(String name) {
        FakeScanner fake = new FakeScanner();
        return new PortScanner() {
            @Override
            public Snapshot scan() {
                return fake.scan();
            }

            @Override
            public String name() {
                return fake.name();
            }

            @Override
            public void close() {
                events.add("closed " + name);
            }
        };
    }

    @Test
    void opensOnTheFirstScanOnTheScanningThreadAndClosesWhatItOpened() throws Exception {
        LazyScanner lazy = new LazyScanner(() -> {
            events.add("opened on " + Thread.currentThread().getName());
            return recording("real");
        });
        assertThat(lazy.name()).isEqualTo("starting");
        assertThat(events).isEmpty();

        Thread poll = new Thread(() -> lazy.scan(), "poll-thread");
        poll.start();
        poll.join(10_000);
        assertThat(events).containsExactly("opened on poll-thread");
        assertThat(lazy.name()).isEqualTo("fake");
        assertThat(lazy.scan()).isInstanceOf(Snapshot.class);
        assertThat(events).hasSize(1);

        lazy.close();
        lazy.close();
        assertThat(events).containsExactly("opened on poll-thread", "closed real");
        assertThatThrownBy(lazy::scan).isInstanceOf(ScanException.class);
    }

    @Test
    void neverUsedMeansNeverOpened() {
        LazyScanner lazy = new LazyScanner(() -> recording("real"));
        lazy.close();
        assertThat(lazy.wasOpened()).isFalse();
        assertThat(events).isEmpty();
    }

    @Test
    void aScannerStillOpeningWhenClosedIsClosedOnceItIsOpen() {
        CompletableFuture<PortScanner> opening = new CompletableFuture<>();
        LazyScanner lazy = LazyScanner.openingIn(opening);
        lazy.close();
        assertThat(events).isEmpty();
        opening.complete(recording("late"));
        assertThat(events).containsExactly("closed late");
    }

    @Test
    void aScannerThatCannotOpenFailsEachScanInWords() {
        LazyScanner lazy = LazyScanner.openingIn(CompletableFuture.failedFuture(new IllegalStateException("no /proc")));
        assertThatThrownBy(lazy::scan).isInstanceOf(ScanException.class).hasMessageContaining("no /proc");
    }
}
