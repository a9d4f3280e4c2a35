package dev.portside.poll;

import dev.portside.core.Snapshot;
import dev.portside.scan.PortScanner;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the scanner on its own thread on a schedule and hands each snapshot (or failure) to the
 * listener through {@code deliver} (the FX thread in the app, the calling thread in tests). One
 * failing poll is logged and reported; the next poll runs as usual. While the window is hidden the
 * service polls {@link #BACKGROUND_SLOWDOWN} times less often.
 *
 * <p>{@link #close()} lets the poll in flight finish before it closes the scanner: a scanner's
 * native buffers must not be freed under a read.
 */
public final class PollingService implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    public static final int BACKGROUND_SLOWDOWN = 10;

    /** How long {@link #close()} waits for the poll in flight (a netlink read gives up after 2 s). */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(PollingService.class);

    /** Where the polls run: one thread of its own in the app, a hand-moved clock in tests. */
    interface Scheduler {
        Future<?> schedule(Runnable task, long delayMillis);

        /** Runs nothing more that was planned; lets a running task finish. */
        void shutdown();

        boolean isShutdown();

        /** Waits for the running task after {@link #shutdown()}; true when none runs any more. */
        boolean awaitTermination(Duration wait) throws InterruptedException;
    }

    /** Receives the outcome of each poll, on the delivery executor. */
    public interface Listener {
        void onSnapshot(Snapshot snapshot);

        void onPollFailed(Throwable error);
    }

    private final PortScanner scanner;
    private final Executor deliver;
    private final Listener listener;
    private final Scheduler thread;

    private Duration interval = DEFAULT_INTERVAL;
    private boolean background;
    private boolean paused;
    private boolean closed;
    private Future<?> next;
    private boolean polling;
    private long requestedDelay = -1;

    public PollingService(PortScanner scanner, Executor deliver, Listener listener) {
        this(scanner, deliver, listener, pollThread());
    }

    PollingService(PortScanner scanner, Executor deliver, Listener listener, Scheduler scheduler) {
        this.scanner = Objects.requireNonNull(scanner);
        this.deliver = Objects.requireNonNull(deliver);
        this.listener = Objects.requireNonNull(listener);
        this.thread = Objects.requireNonNull(scheduler);
    }

    /** The one thread of the poller: the only executor besides the app's {@link BackgroundRunner}. */
    private static Scheduler pollThread() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "portside-poll");
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
        return new Scheduler() {
            @Override
            public Future<?> schedule(Runnable task, long delayMillis) {
                return executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
            }

            @Override
            public void shutdown() {
                executor.shutdown();
            }

            @Override
            public boolean isShutdown() {
                return executor.isShutdown();
            }

            @Override
            public boolean awaitTermination(Duration wait) throws InterruptedException {
                return executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        };
    }

    /** Starts polling now, then every interval. */
    public synchronized void start() {
        schedule(0);
    }

    /** Runs one poll as soon as the poll thread is free, then continues on schedule. */
    public synchronized void pollNow() {
        schedule(0);
    }

    /**
     * The user's "refresh now": like {@link #pollNow()}, but while paused it runs exactly one poll
     * and stays paused (fresh data once, the table then holds still again).
     */
    public synchronized void refresh() {
        if (paused && !closed && !polling) {
            cancel();
            next = thread.schedule(this::pollOnce, 0);
            return;
        }
        schedule(0);
    }

    public synchronized void setInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        this.interval = interval;
        reschedule();
    }

    public synchronized Duration interval() {
        return interval;
    }

    /** Slows polling down while the window is hidden or minimised. */
    public synchronized void setBackground(boolean background) {
        if (this.background != background) {
            this.background = background;
            // Coming back to the foreground deserves fresh data at once.
            if (background) {
                reschedule();
            } else {
                schedule(0);
            }
        }
    }

    public synchronized void setPaused(boolean paused) {
        if (this.paused != paused) {
            this.paused = paused;
            if (paused) {
                cancel();
            } else {
                schedule(0);
            }
        }
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    /** The delay between two polls now, taking the background slowdown into account. */
    public synchronized Duration effectiveInterval() {
        return background ? interval.multipliedBy(BACKGROUND_SLOWDOWN) : interval;
    }

    /**
     * Stops polling: waits (at most {@link #CLOSE_WAIT}) for the poll in flight, then closes the
     * scanner. A poll that does not end in time keeps its scanner: better a leak at exit than a read
     * into freed memory.
     */
    @Override
    public void close() {
        close(CLOSE_WAIT);
    }

    /** {@link #close()} with another wait; true when the scanner was closed. */
    boolean close(Duration wait) {
        synchronized (this) {
            if (closed) {
                return true;
            }
            closed = true;
            cancel();
        }
        thread.shutdown(); // no interrupt: a read cut short could leave the scanner's caches half-filled
        boolean idle;
        try {
            idle = thread.awaitTermination(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            idle = false;
        }
        if (!idle) {
            LOG.warn("A poll still runs after {} ms; its scanner is left open", wait.toMillis());
            return false;
        }
        scanner.close();
        return true;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    private void reschedule() {
        if (next != null || polling) {
            schedule(effectiveInterval().toMillis());
        }
    }

    /** Plans the next poll; while one runs, the request is kept and applied when it ends. */
    private void schedule(long delayMillis) {
        if (closed || paused) {
            return;
        }
        if (polling) {
            requestedDelay = requestedDelay < 0 ? delayMillis : Math.min(requestedDelay, delayMillis);
            return;
        }
        cancel();
        next = thread.schedule(this::pollOnce, delayMillis);
    }

    private void cancel() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }

    private void pollOnce() {
        synchronized (this) {
            polling = true;
            next = null;
        }
        try {
            Snapshot snapshot = scanner.scan();
            if (!isClosed()) { // a window that closed meanwhile needs no more snapshots
                deliver.execute(() -> listener.onSnapshot(snapshot));
            }
        } catch (Throwable e) { // one bad poll must not end polling
            LOG.warn("Poll failed", e);
            if (!isClosed()) {
                deliver.execute(() -> listener.onPollFailed(e));
            }
        } finally {
            synchronized (this) {
                polling = false;
                long delay = requestedDelay >= 0 ? requestedDelay : effectiveInterval().toMillis();
                requestedDelay = -1;
                if (!thread.isShutdown()) {
                    schedule(delay);
                }
            }
        }
    }
}
