package dev.portside.poll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * The poll thread's stand-in in tests: nothing runs until the test moves the clock with
 * {@link #advance}, and then every task due by then runs on the test's thread, in time order
 * (including the polls those tasks plan). Counting polls against it proves "no poll" without waiting.
 */
final class ManualScheduler implements PollingService.Scheduler {

    private record Planned(long due, long order, FutureTask<Void> task) {
    }

    private final List<Planned> planned = new ArrayList<>();
    private long now;
    private long order;
    private boolean shutdown;

    @Override
    public synchronized Future<?> schedule(Runnable task, long delayMillis) {
        FutureTask<Void> f = new FutureTask<>(task, null);
        if (!shutdown) {
            planned.add(new Planned(now + delayMillis, order++, f));
        }
        return f;
    }

    /** Moves the clock on by {@code d}, running what falls due. */
    void advance(Duration d) {
        long until = now + d.toMillis();
        while (true) {
            Planned next;
            synchronized (this) {
                next = planned.stream().filter(p -> !p.task().isCancelled() && p.due() <= until)
                        .min(Comparator.comparingLong(Planned::due).thenComparingLong(Planned::order)).orElse(null);
                if (next == null) {
                    now = until;
                    planned.removeIf(p -> p.task().isCancelled());
                    return;
                }
                planned.remove(next);
                now = next.due();
            }
            next.task().run();
        }
    }

    /** Runs what is due now (a poll asked for "at once"). */
    void runDue() {
        advance(Duration.ZERO);
    }

    /** The tasks still planned (not cancelled). */
    synchronized long pending() {
        return planned.stream().filter(p -> !p.task().isCancelled()).count();
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
        planned.clear();
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(Duration wait) {
        return true; // tasks run on the test's thread: none is running when the test calls close
    }
}
