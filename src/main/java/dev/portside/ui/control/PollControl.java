package dev.portside.ui.control;

import dev.portside.poll.PollingService;
import java.time.Duration;

/** What the toolbar may ask of the polling: the part of {@link PollingService} it uses, so tests can fake it. */
public interface PollControl {

    void setPaused(boolean paused);

    void setInterval(Duration interval);

    /** Polls once now, also while paused. */
    void pollNow();

    static PollControl of(PollingService service) {
        return new PollControl() {
            @Override
            public void setPaused(boolean paused) {
                service.setPaused(paused);
            }

            @Override
            public void setInterval(Duration interval) {
                service.setInterval(interval);
            }

            @Override
            public void pollNow() {
                service.refresh();
            }
        };
    }
}
