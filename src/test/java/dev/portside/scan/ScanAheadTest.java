package dev.portside.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portside.core.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The window's first snapshot is taken ahead, on a background thread, and handed over once. */
class ScanAheadTest {

    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    /** Counts scans and remembers on which thread each ran; fails the scans it is told to. */
    private static final class CountingScanner implements PortScanner {
        final List<String> threads = new ArrayList<>();
        int failFirst;
        boolean closed;

        @Override
        public synchronized Snapshot scan() {
            threads.add(Thread.currentThread().getName());
            if (threads.size() <= failFirst) {
                throw new ScanException("scan " + threads.size() + " failed");
            }
            return Snapshot.empty(Instant.ofEpochSecond(threads.size()));
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public synchronized void close() {
            closed = true;
        }
    }

    private CompletableFuture<Snapshot> inBackground(java.util.concurrent.Callable<Snapshot> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, background);
    }

    @Test
    void theFirstScanIsTheOneTakenAheadAndLaterScansAreNew() throws Exception {
        CountingScanner real = new CountingScanner();
        ScanAhead ahead = ScanAhead.start(real, this::inBackground);
        Snapshot first = ahead.scan();
        assertThat(first.takenAt()).isEqualTo(Instant.ofEpochSecond(1));
        assertThat(real.threads).hasSize(1).allMatch(t -> !t.equals(Thread.currentThread().getName()));
        assertThat(ahead.scan().takenAt()).isEqualTo(Instant.ofEpochSecond(2));
        assertThat(real.threads).hasSize(2).last().isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void aFailedEarlyScanIsTriedAgainAndAFailureNowIsReported() {
        CountingScanner real = new CountingScanner();
        real.failFirst = 1;
        assertThat(ScanAhead.start(real, this::inBackground).scan().takenAt()).isEqualTo(Instant.ofEpochSecond(2));

        CountingScanner broken = new CountingScanner();
        broken.failFirst = 2;
        assertThatThrownBy(ScanAhead.start(broken, this::inBackground)::scan).isInstanceOf(ScanException.class)
                .hasMessage("scan 2 failed");
    }

    @Test
    void closingBeforeTheEarlyScanEndedClosesTheScannerAfterIt() throws Exception {
        CountingScanner real = new CountingScanner();
        CompletableFuture<Snapshot> held = new CompletableFuture<>();
        ScanAhead ahead = ScanAhead.start(real, work -> held);
        ahead.close();
        assertThat(real.closed).isFalse(); // the early scan could still be using it
        held.complete(Snapshot.empty(Instant.EPOCH));
        assertThat(real.closed).isTrue();

        CountingScanner used = new CountingScanner();
        ScanAhead done = ScanAhead.start(used, this::inBackground);
        done.scan();
        done.close();
        assertThat(used.closed).isTrue();
        background.shutdown();
        assertThat(background.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
}
