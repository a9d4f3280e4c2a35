package dev.portside.action;

import dev.portside.core.ProcessInfo;
import java.util.List;

/**
 * The outcome of freeing a port, as the user reads it: {@link Freed}, {@link StillHeld},
 * {@link Refused} (nothing was signalled) or {@link Failed}.
 */
public sealed interface KillOutcome permits KillOutcome.Freed, KillOutcome.StillHeld, Refused, Failed {

    /** What happened, in plain words: "Port 3000 is free." */
    String message();

    /** True when the port is free afterwards. */
    default boolean portFree() {
        return this instanceof Freed;
    }

    record Freed(int port, String message) implements KillOutcome {
    }

    /**
     * The port is still (or again) held.
     *
     * @param holders who holds it now (empty when the owner is hidden from this user)
     * @param heldAgain true when a process that was not asked to end took it after the kill
     *     (typically a supervisor restarted the server)
     */
    record StillHeld(int port, List<ProcessInfo> holders, boolean heldAgain, String message) implements KillOutcome {
        public StillHeld {
            holders = List.copyOf(holders);
        }
    }
}
