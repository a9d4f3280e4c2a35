package dev.portside.action;

import java.time.Duration;

/** Hears how the kill goes while it waits, so the user sees it working (called on the kill's thread). */
@FunctionalInterface
public interface KillProgress {

    KillProgress NONE = (target, waited, limit) -> {
    };

    /**
     * The terminator asked {@code target} to end and has waited {@code waited} of at most
     * {@code limit} for it.
     */
    void waiting(KillTarget target, Duration waited, Duration limit);
}
