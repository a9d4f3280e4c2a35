package dev.portside.scan;

import dev.portside.core.Snapshot;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * A scanner whose first snapshot is taken ahead of time on a background thread, while the window
 * is still being built: the poll's first {@link #scan()} then hands it over at once, and the table
 * is filled as soon as it is shown (docs/PERFORMANCE.md, "Start-up of the window"). Every later
 * scan is the scanner's own. When the early scan failed, the first scan simply scans again (and
 * reports what goes wrong then, as any poll does). Like every scanner, used by one thread at a
 * time: the early scan happens before the first {@link #scan()} returns.
 */
public final class ScanAhead implements PortScanner {

    private final PortScanner scanner;
    private final CompletableFuture<Snapshot> first;
    private boolean handedOver;

    private ScanAhead(PortScanner scanner, CompletableFuture<Snapshot> first) {
        this.scanner = scanner;
        this.first = first;
    }

    /**
     * Starts the first scan now through {@code background} (e.g. a background runner's supply).
     *
     * @param scanner the scanner to poll, typically a {@link LazyScanner} still opening
     */
    public static ScanAhead start(PortScanner scanner,
            Function<Callable<Snapshot>, CompletableFuture<Snapshot>> background) {
        Objects.requireNonNull(scanner);
        return new ScanAhead(scanner, background.apply(scanner::scan));
    }

    /**
     * The first snapshot if it has been taken (successfully) by now, else null; never waits. The
     * first {@link #scan()} still hands it over.
     */
    public Snapshot ready() {
        return first.isDone() && !first.isCompletedExceptionally() ? first.join() : null;
    }

    /**
     * The first snapshot once taken, for work that can start on it before the poll does (the window
     * describes its sockets meanwhile); completes exceptionally when the early scan failed.
     */
    public CompletableFuture<Snapshot> first() {
        return first.copy();
    }

    @Override
    public Snapshot scan() {
        if (!handedOver) {
            handedOver = true;
            try {
                return first.join();
            } catch (CompletionException e) {
                // scan again below: a failure is reported by the scan that fails now
            }
        }
        return scanner.scan();
    }

    @Override
    public String name() {
        return scanner.name();
    }

    /** Closes the scanner; if the early scan still runs, once it has ended (a scanner serves one thread). */
    @Override
    public void close() {
        if (handedOver || first.isDone()) {
            scanner.close();
        } else {
            first.whenComplete((snapshot, problem) -> scanner.close());
        }
    }
}
