package dev.portside.ui.settings;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.util.Duration;

/**
 * Saves the settings a moment after the user changes something, so they survive even when the app
 * does not end normally (a killed process, a logout). The state is captured on the FX thread and
 * written on a background thread.
 */
public final class SettingsAutosave {

    private static final Duration QUIET = Duration.seconds(1);

    private final SettingsStore store;
    private final Supplier<Settings> capture;
    private final Executor background;
    private final PauseTransition wait = new PauseTransition(QUIET);
    private final InvalidationListener changed = o -> wait.playFromStart();

    public SettingsAutosave(SettingsStore store, Supplier<Settings> capture, Executor background) {
        this.store = Objects.requireNonNull(store);
        this.capture = Objects.requireNonNull(capture);
        this.background = Objects.requireNonNull(background);
        wait.setOnFinished(e -> {
            Settings s = capture.get();
            background.execute(() -> store.save(s));
        });
    }

    /** Saves a moment after any of these changes. */
    public void watch(Observable... things) {
        for (Observable o : things) {
            if (o != null) {
                o.addListener(changed);
            }
        }
    }

    /** Saves now, on this thread (when the app ends). */
    public void saveNow() {
        wait.stop();
        store.save(capture.get());
    }
}
