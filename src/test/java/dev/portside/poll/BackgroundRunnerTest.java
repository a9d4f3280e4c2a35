package dev.portside.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one way background work is done: its threads, its serial lanes, how it ends. */
class BackgroundRunnerTest {

    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final BackgroundRunner runner = BackgroundRunner.daemonThreads("test-runner", 3, ui::add);

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void workRunsOnItsThreadsAndTheResultComesBackOnTheUiExecutor() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        runner.run(() -> Thread.currentThread().getName(), seen::add, e -> seen.add("failed"));
        ui.poll(10, TimeUnit.SECONDS).run();
        assertThat(seen).singleElement().asString().startsWith("test-runner-");
        assertThat(Thread.currentThread().isDaemon()).isFalse();

        runner.run(() -> {
            throw new IllegalStateException("disk full");
        }, r -> seen.add("done"), e -> seen.add(e.getMessage()));
        ui.poll(10, TimeUnit.SECONDS).run();
        assertThat(seen).endsWith("disk full");
    }

    @Test
    void aSerialLaneRunsOneTaskAtATimeInOrder() throws Exception {
        BackgroundRunner lane = runner.serial();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> order = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(50);
        for (int i = 0; i < 50; i++) {
            int n = i;
            lane.execute(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                order.add(n);
                running.decrementAndGet();
                all.countDown();
            });
        }
        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(most.get()).isEqualTo(1);
        assertThat(order).isSorted().hasSize(50);
    }

    @Test
    void closeWaitsForTheWorkGivenAndThenRefusesMoreQuietly() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        runner.execute(() -> {
            started.countDown();
            await(release);
            events.add("work ended");
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(runner.close(Duration.ZERO)).as("still running").isFalse();
        release.countDown();
        assertThat(runner.close(Duration.ofSeconds(10))).isTrue();
        assertThat(events).containsExactly("work ended");

        runner.execute(() -> events.add("too late"));
        runner.serial().execute(() -> events.add("too late"));
        assertThat(runner.supply(() -> "x")).isCompletedExceptionally();
        assertThat(events).containsExactly("work ended");
    }

    @Test
    void sameThreadRunsEverythingBeforeTheCallReturns() {
        BackgroundRunner now = BackgroundRunner.sameThread();
        List<String> seen = new CopyOnWriteArrayList<>();
        now.run(() -> "a", seen::add, e -> { });
        now.serial().execute(() -> seen.add("b"));
        assertThat(now.supply(() -> "c").join()).isEqualTo("c");
        assertThat(seen).containsExactly("a", "b");
        assertThat(now.close(Duration.ZERO)).isTrue();
    }

    @Test
    void aStepThatHangsIsCutOffAtItsLimitOnItsOwnThreadAndTheSharedThreadsStayFree() throws Exception {
        BackgroundRunner one = BackgroundRunner.daemonThreads("one", 1, Runnable::run);
        try {
            CountDownLatch never = new CountDownLatch(1);
            CountDownLatch interrupted = new CountDownLatch(1);
            List<String> threads = new CopyOnWriteArrayList<>();
            // From the runner's only thread, as a diagnosis waits for its steps.
            CompletableFuture<Throwable> outcome = one.supply(() -> {
                try {
                    one.callWithin(() -> {
                        threads.add(Thread.currentThread().getName());
                        try {
                            never.await(); // a connect stuck in the system
                        } catch (InterruptedException e) {
                            interrupted.countDown();
                        }
                        return "late";
                    }, Duration.ofMillis(200));
                    return null;
                } catch (TimeoutException e) {
                    return e;
                }
            });
            assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the step is interrupted when cut off").isTrue();
            assertThat(threads).singleElement().asString().startsWith("one-step-");
            assertThat(one.callWithin(() -> 42, Duration.ofSeconds(5))).isEqualTo(42);
            ExecutionException failed = org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> one.callWithin(() -> {
                        throw new IOException("refused");
                    }, Duration.ofSeconds(5)), ExecutionException.class);
            assertThat(failed.getCause()).hasMessage("refused");
        } finally {
            one.close();
        }
        assertThatThrownBy(() -> one.startStep(() -> 1).get(1, TimeUnit.SECONDS)).as("no steps after close")
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(java.util.concurrent.RejectedExecutionException.class);
    }

    @Test
    void aSameThreadRunnerRunsAStepOnTheCallersThread() throws Exception {
        String caller = Thread.currentThread().getName();
        assertThat(BackgroundRunner.sameThread().callWithin(() -> Thread.currentThread().getName(), Duration.ofSeconds(1)))
                .isEqualTo(caller);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
