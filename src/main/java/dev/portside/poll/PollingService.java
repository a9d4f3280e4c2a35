package dev.portside.poll;

import dev.portside.core.Snapshot;
import dev.portside.scan.PortScanner;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the scanner on its own thread on a schedule and hands each snapshot (or failure) to the
 * listener through {@code deliver} (the FX thread in the app, the calling thread in tests). One
 * failing poll is logged and reported; the next poll runs as usual. While the window is hidden the
 * service polls {@link #BACKGROUND_SLOWDOWN} times less often.
 */
public final class PollingService implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    public static final int BACKGROUND_SLOWDOWN = 10;

    private static final Logger LOG = LoggerFactory.getLogger(PollingService.class);

    /** Receives the outcome of each poll, on the delivery executor. */
    public interface Listener {
        void onSnapshot(Snapshot snapshot);

        void onPollFailed(Throwable error);
    }

    private final PortScanner scanner;
    private final Executor deliver;
    private final Listener listener;
    private final ScheduledExecutorService thread;

    private Duration interval = DEFAULT_INTERVAL;
    private boolean background;
    private boolean paused;
    private boolean closed;
    private ScheduledFuture<?> next;
    private boolean polling;
    private long requestedDelay = -1;

    public PollingService(PortScanner scanner, Executor deliver, Listener listener) {
        this.scanner = Objects.requireNonNull(scanner);
        this.deliver = Objects.requireNonNull(deliver);
        this.listener = Objects.requireNonNull(listener);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portside-poll");
            t.setDaemon(true);
            return t;
        });
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
            next = thread.schedule(this::pollOnce, 0, TimeUnit.MILLISECONDS);
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

    @Override
    public synchronized void close() {
        closed = true;
        cancel();
        thread.shutdownNow();
        scanner.close();
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
        next = thread.schedule(this::pollOnce, delayMillis, TimeUnit.MILLISECONDS);
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
            deliver.execute(() -> listener.onSnapshot(snapshot));
        } catch (Throwable e) { // one bad poll must not end polling
            LOG.warn("Poll failed", e);
            deliver.execute(() -> listener.onPollFailed(e));
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
