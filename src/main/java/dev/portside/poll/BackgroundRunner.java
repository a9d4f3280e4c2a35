package dev.portside.poll;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs slow work (a scan, a kill and its wait, reading the settings or the bundled data, writing a
 * file) on a background executor and hands the result back on the UI executor
 * ({@code Platform::runLater} in the app). It is the one way background work is done: the app makes
 * one with {@link #daemonThreads} and passes it to every part; only the poll thread
 * ({@link PollingService}) is separate. Tests pass {@link #sameThread()}, so a view model's command
 * finishes before the call returns.
 *
 * <p>{@link #serial()} gives a lane on the same threads whose work runs one task at a time, in order:
 * for work that shares something that serves one thread at a time (a scanner).
 *
 * <p>{@link #startStep} and {@link #callWithin} run a step that may hang in the system (a connect,
 * a name look-up, a command) for work that waits for it with a time limit, as a diagnosis does. Such
 * steps get threads of their own, made when needed and ended when idle, so a step that hangs never
 * holds one of the few threads the rest of the work shares (nor the thread that waits for it).
 */
public final class BackgroundRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundRunner.class);
    /** Bounded steps running at once, at most (a diagnosis runs about ten, a few at a time). */
    public static final int MAX_STEPS = 32;

    private final Executor background;
    private final Executor ui;
    /** The pool made by {@link #daemonThreads} (also for its serial lanes), or null (the caller's executor). */
    private final ThreadPoolExecutor pool;
    /** True for the runner that made the pool: only it stops the pool on {@link #close}. */
    private final boolean ownsPool;
    /** Where bounded steps run ({@link #startStep}); null: on the caller's thread. Shared with the serial lanes. */
    private final ThreadPoolExecutor steps;

    /** A runner on the caller's executors; its steps ({@link #startStep}) run on the calling thread. */
    public BackgroundRunner(Executor background, Executor ui) {
        this(background, ui, null, false, null);
    }

    private BackgroundRunner(Executor background, Executor ui, ThreadPoolExecutor pool, boolean ownsPool,
            ThreadPoolExecutor steps) {
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
        this.pool = pool;
        this.ownsPool = ownsPool;
        this.steps = steps;
    }

    /** Everything on the calling thread, for tests. */
    public static BackgroundRunner sameThread() {
        return new BackgroundRunner(Runnable::run, Runnable::run);
    }

    /**
     * A runner with its own daemon threads (at most {@code threads}, named {@code name-1}, …; idle
     * ones end after a while, so an idle window holds none), results delivered on {@code ui}.
     */
    public static BackgroundRunner daemonThreads(String name, int threads, Executor ui) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, name + "-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        AtomicInteger stepCount = new AtomicInteger();
        // No thread until a step runs; a hanging step keeps its thread only until it returns.
        ThreadPoolExecutor steps = new ThreadPoolExecutor(0, MAX_STEPS, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, name + "-step-" + stepCount.incrementAndGet());
                    t.setDaemon(true); // a step stuck in the system must not keep the program alive
                    return t;
                });
        return new BackgroundRunner(pool, ui, pool, true, steps);
    }

    /** Runs {@code work} in the background; {@code done} or {@code failed} runs on the UI executor. */
    public <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<? super Throwable> failed) {
        submit(() -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable e) { // reported to the user, never lost on a background thread
                ui.execute(() -> failed.accept(e));
                return;
            }
            ui.execute(() -> done.accept(result));
        });
    }

    /** Runs {@code update} on the UI executor (progress from the background work). */
    public void onUi(Runnable update) {
        ui.execute(update);
    }

    /** Runs {@code work} in the background with nothing to hand back; a failure is logged. */
    public void execute(Runnable work) {
        submit(() -> {
            try {
                work.run();
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Background work failed", e);
            }
        });
    }

    /**
     * Runs {@code work} in the background; the future completes on the background thread (not the UI
     * one), for callers that combine results or wait for them off the UI thread.
     */
    public <T> CompletableFuture<T> supply(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        boolean taken = submit(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        if (!taken) {
            result.completeExceptionally(new RejectedExecutionException("the background runner is closed"));
        }
        return result;
    }

    /** A lane on the same threads whose tasks run one at a time, in the order given. */
    public BackgroundRunner serial() {
        return new BackgroundRunner(new SerialExecutor(background), ui, pool, false, steps);
    }

    /**
     * Starts a step that may block in the system for long (a connect, a name look-up, a command) on
     * the runner's step threads, not on the ones {@link #run} shares; the caller waits for it with a
     * time limit ({@link Future#get(long, TimeUnit)}) and cancels it (an interrupt) when the limit
     * passes. At most {@value #MAX_STEPS} steps run at once: one more fails at once with
     * {@link RejectedExecutionException}, as does a step given after {@link #close}. A runner made
     * on the caller's executors (or {@link #sameThread()}) runs the step on the calling thread.
     */
    public <T> Future<T> startStep(Callable<T> step) {
        FutureTask<T> task = new FutureTask<>(step);
        if (steps == null) {
            task.run();
        } else {
            try {
                steps.execute(task);
            } catch (RejectedExecutionException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return task;
    }

    /**
     * Runs a step ({@link #startStep}) and waits at most {@code limit} for it.
     *
     * @throws TimeoutException when it did not finish in time; it has then been interrupted and is left to end
     * @throws ExecutionException when it failed (its exception is the cause)
     */
    public <T> T callWithin(Callable<T> step, Duration limit)
            throws TimeoutException, ExecutionException, InterruptedException {
        Future<T> f = startStep(step);
        try {
            return f.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            f.cancel(true);
            throw e;
        }
    }

    /** The executor the background work runs on (for APIs that take an {@link Executor}). */
    public Executor executor() {
        return this::submit;
    }


    /**
     * Takes no more work and waits up to {@code wait} for the work that was given. Only a runner made
     * with {@link #daemonThreads} owns threads (not its serial lanes); for the others this returns
     * true at once.
     *
     * @return true when all the work has finished
     */
    public boolean close(Duration wait) {
        if (!ownsPool) {
            return true;
        }
        pool.shutdown();
        steps.shutdownNow(); // steps are bounded by their callers, who are ending too
        try {
            return pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Takes no more work; does not wait. */
    @Override
    public void close() {
        if (ownsPool) {
            pool.shutdown();
            steps.shutdownNow();
        }
    }

    /** False when the runner is closed and the task was dropped. */
    private boolean submit(Runnable task) {
        if (pool != null && pool.isShutdown()) {
            // The app is ending: work asked for now (a refresh, a detail look-up) is not needed.
            LOG.debug("Background work refused: the runner is closed");
            return false;
        }
        try {
            background.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            if (pool == null || !pool.isShutdown()) {
                throw e;
            }
            LOG.debug("Background work refused: the runner is closed");
            return false;
        }
    }

    /** Runs its tasks one at a time on another executor (the pattern of {@link Executor}'s documentation). */
    private static final class SerialExecutor implements Executor {
        private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        private final Executor executor;
        private Runnable active;

        SerialExecutor(Executor executor) {
            this.executor = executor;
        }

        @Override
        public synchronized void execute(Runnable r) {
            tasks.add(() -> {
                try {
                    r.run();
                } finally {
                    scheduleNext();
                }
            });
            if (active == null) {
                scheduleNext();
            }
        }

        private synchronized void scheduleNext() {
            active = tasks.poll();
            if (active != null) {
                try {
                    executor.execute(active);
                } catch (RejectedExecutionException e) {
                    LOG.debug("Background work refused: the runner is closed");
                    tasks.clear();
                    active = null;
                }
            }
        }
    }
}
