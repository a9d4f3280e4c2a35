package dev.portside.ui.control;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Pause/resume, refresh now and the poll interval. Holds the choice even before the polling exists
 * (settings are restored first) and passes it on once {@link #attach attached}.
 */
public final class ControlViewModel {

    /** The intervals the user can choose from. */
    public static final List<Duration> INTERVALS = List.of(Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(5));
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final ObjectProperty<Duration> interval = new SimpleObjectProperty<>(DEFAULT_INTERVAL);
    private PollControl control;

    public ControlViewModel() {
        paused.addListener((o, was, now) -> {
            if (control != null) {
                control.setPaused(now);
            }
        });
        interval.addListener((o, was, now) -> {
            if (now == null) {
                interval.set(DEFAULT_INTERVAL);
            } else if (control != null) {
                control.setInterval(now);
            }
        });
    }

    /** Starts passing the choices on to the polling, beginning with the current ones. */
    public void attach(PollControl pollControl) {
        this.control = Objects.requireNonNull(pollControl);
        control.setInterval(interval.get());
        control.setPaused(paused.get());
    }

    public void togglePaused() {
        paused.set(!paused.get());
    }

    /** Polls at once, also while paused (the user asked for fresh data; polling stays paused). */
    public void refreshNow() {
        if (control != null) {
            control.pollNow();
        }
    }

    /** The nearest offered interval to any duration (settings may hold anything). */
    public static Duration nearestInterval(Duration wanted) {
        if (wanted == null || wanted.isNegative() || wanted.isZero()) {
            return DEFAULT_INTERVAL;
        }
        Duration best = INTERVALS.get(0);
        for (Duration d : INTERVALS) {
            if (d.minus(wanted).abs().compareTo(best.minus(wanted).abs()) < 0) {
                best = d;
            }
        }
        return best;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public boolean isPaused() {
        return paused.get();
    }

    public ObjectProperty<Duration> intervalProperty() {
        return interval;
    }
}
