package dev.portside.poll;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs slow work (a scan, a kill and its wait) on a background executor and hands the result back
 * on the UI executor ({@code Platform::runLater} in the app). Tests pass {@link #sameThread()}, so a
 * view model's command finishes before the call returns.
 */
public final class BackgroundRunner {

    private final Executor background;
    private final Executor ui;

    public BackgroundRunner(Executor background, Executor ui) {
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
    }

    /** Everything on the calling thread, for tests. */
    public static BackgroundRunner sameThread() {
        return new BackgroundRunner(Runnable::run, Runnable::run);
    }

    /** Runs {@code work} in the background; {@code done} or {@code failed} runs on the UI executor. */
    public <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<? super Throwable> failed) {
        background.execute(() -> {
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
}
