package dev.portside.action;

import dev.portside.core.ProcessInfo;
import java.util.List;

/**
 * The outcome of freeing a port, as the user reads it: {@link Freed}, {@link StillHeld},
 * {@link Refused} (nothing was signalled) or {@link Failed} (nothing was ended). When only some of
 * the processes ended, Freed or StillHeld say which ({@code endedPids}) and the message names the
 * others and why.
 */
public sealed interface KillOutcome permits KillOutcome.Freed, KillOutcome.StillHeld, Refused, Failed {

    /** What happened, in plain words: "Port 3000 is free." */
    String message();

    /** True when the port is free afterwards. */
    default boolean portFree() {
        return this instanceof Freed;
    }

    /** @param endedPids the processes Portside ended */
    record Freed(int port, List<Long> endedPids, String message) implements KillOutcome {
        public Freed {
            endedPids = List.copyOf(endedPids);
        }
    }

    /**
     * The port is still (or again) held.
     *
     * @param holders who holds it now (empty when the owner is hidden from this user)
     * @param heldAgain true when a process that was not asked to end took it after the kill
     *     (typically a supervisor restarted the server)
     * @param endedPids the processes Portside ended
     */
    record StillHeld(int port, List<ProcessInfo> holders, boolean heldAgain, List<Long> endedPids, String message)
            implements KillOutcome {
        public StillHeld {
            holders = List.copyOf(holders);
            endedPids = List.copyOf(endedPids);
        }
    }
}
