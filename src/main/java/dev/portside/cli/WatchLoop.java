package dev.portside.cli;

import dev.portside.core.Snapshot;
import dev.portside.scan.PortScanner;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The polls of {@code list --watch}: scan, print, wait, until {@code --count} polls, a reader that
 * went away, or {@link #stop} (the JVM ending: Ctrl+C, SIGTERM). Stopping lets the poll in flight
 * finish, and its output be written whole, before the scanner is closed: a scanner's native buffers
 * are not freed under a read, and a JSON line is never cut in half.
 */
final class WatchLoop {

    private final PortScanner scanner;
    private final long periodNanos;
    private final int count;
    private final Predicate<Snapshot> print;
    private final CountDownLatch stopAsked = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);

    /**
     * @param scanner closed by the loop when it ends
     * @param count polls to run, or 0 for no limit
     * @param print prints a snapshot; false when the output is gone (stops the loop)
     */
    WatchLoop(PortScanner scanner, Duration period, int count, Predicate<Snapshot> print) {
        this.scanner = Objects.requireNonNull(scanner);
        this.periodNanos = period.toNanos();
        this.count = count;
        this.print = Objects.requireNonNull(print);
    }

    /** Polls on this thread until one of the ends; closes the scanner last. */
    void run() throws InterruptedException {
        try {
            long next = System.nanoTime();
            for (int polls = 1; ; polls++) {
                if (!print.test(scanner.scan()) || (count > 0 && polls >= count) || stopAsked.getCount() == 0) {
                    return;
                }
                next += periodNanos;
                long wait = next - System.nanoTime();
                if (wait <= 0) {
                    next = System.nanoTime(); // a slow poll: do not try to catch up
                } else if (stopAsked.await(wait, TimeUnit.NANOSECONDS)) {
                    return;
                }
            }
        } finally {
            try {
                scanner.close();
            } finally {
                ended.countDown();
            }
        }
    }

    /**
     * Asks the loop to end after the poll in flight and waits (at most {@code wait}) until it has
     * and the scanner is closed.
     *
     * @return true when the loop ended in time
     */
    boolean stop(Duration wait) {
        stopAsked.countDown();
        try {
            return ended.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
