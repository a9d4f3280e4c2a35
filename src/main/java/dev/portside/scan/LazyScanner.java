package dev.portside.scan;

import dev.portside.core.Snapshot;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A scanner that is opened away from the caller: on the first {@link #scan()} (the thread that will
 * use it), or ahead of time on a background thread ({@link #openingIn}). Opening the real scanner
 * probes netlink or /proc, which the window's FX thread must not wait for. {@link #close()} closes
 * the real scanner if one was opened, also when the opening finishes only after the close.
 */
public final class LazyScanner implements PortScanner {

    private final Supplier<PortScanner> open;
    private CompletableFuture<PortScanner> opening;
    private boolean closed;

    /** Opens the real scanner on the first scan. */
    public LazyScanner(Supplier<PortScanner> open) {
        this.open = Objects.requireNonNull(open);
    }

    private LazyScanner(CompletableFuture<PortScanner> opening) {
        this.open = () -> {
            throw new IllegalStateException("already opening");
        };
        this.opening = opening;
    }

    /** Starts opening the real scanner now, through {@code opener} (e.g. a background runner's supply). */
    public static LazyScanner openingIn(CompletableFuture<PortScanner> opening) {
        return new LazyScanner(opening);
    }

    private synchronized CompletableFuture<PortScanner> opening() {
        if (closed) {
            throw new ScanException("the scanner is closed");
        }
        if (opening == null) {
            CompletableFuture<PortScanner> f = new CompletableFuture<>();
            opening = f;
            try {
                f.complete(open.get());
            } catch (RuntimeException | LinkageError e) {
                f.completeExceptionally(e);
            }
        }
        return opening;
    }

    /** The real scanner, waiting for it to open if needed. */
    private PortScanner scanner() {
        try {
            return opening().join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof ScanException se ? se : new ScanException("could not open a scanner: " + cause, cause);
        }
    }

    @Override
    public Snapshot scan() {
        return scanner().scan();
    }

    /** The real scanner's name once it is open; "starting" before. */
    @Override
    public synchronized String name() {
        return opening != null && opening.isDone() && !opening.isCompletedExceptionally() ? opening.join().name()
                : "starting";
    }

    /** True once a real scanner was asked for (tests check that closing closes it). */
    public synchronized boolean wasOpened() {
        return opening != null;
    }

    @Override
    public void close() {
        CompletableFuture<PortScanner> f;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            f = opening;
        }
        if (f != null) {
            f.thenAccept(PortScanner::close);
        }
    }
}
