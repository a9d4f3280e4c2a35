package dev.portside.ui.settings;

import dev.portside.poll.BackgroundRunner;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.util.Duration;

/**
 * Saves the settings a moment after the user changes something, so they survive even when the app
 * does not end normally (a killed process, a logout). The state is captured on the FX thread and
 * written on the runner's background threads, one write at a time and in order; the window never
 * waits for the file. Settings that did not change since the last write are not written again.
 */
public final class SettingsAutosave {

    private static final Duration QUIET = Duration.seconds(1);

    private final SettingsStore store;
    private final Supplier<Settings> capture;
    private final BackgroundRunner writer;
    private final PauseTransition wait = new PauseTransition(QUIET);
    private final InvalidationListener changed = o -> wait.playFromStart();
    private Settings lastWritten;

    public SettingsAutosave(SettingsStore store, Supplier<Settings> capture, BackgroundRunner runner) {
        this.store = Objects.requireNonNull(store);
        this.capture = Objects.requireNonNull(capture);
        this.writer = runner.serial(); // an older state never overwrites a newer one
        wait.setOnFinished(e -> saveNow());
    }

    /** Saves a moment after any of these changes. */
    public void watch(Observable... things) {
        for (Observable o : things) {
            if (o != null) {
                o.addListener(changed);
            }
        }
    }

    /** Captures the state now and writes it in the background (when the window hides or the app ends). */
    public void saveNow() {
        wait.stop();
        Settings s = capture.get();
        if (!s.equals(lastWritten)) {
            lastWritten = s;
            writer.execute(() -> store.save(s));
        }
    }
}
