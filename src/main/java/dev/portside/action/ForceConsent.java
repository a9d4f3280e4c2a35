package dev.portside.action;

import java.util.List;

/**
 * Asked when processes are still running after the grace period and the user did not choose force
 * up front: may they be ended by force? Called on the thread that runs the kill (it may block to
 * ask a person, for a bounded time).
 */
@FunctionalInterface
public interface ForceConsent {

    /** The answer, and whether there was one. */
    enum Answer {
        /** End them by force. */
        FORCE,
        /** Leave them running. */
        LEAVE_RUNNING,
        /** Nobody answered in time: left running, and the outcome says so. */
        NO_ANSWER
    }

    /** Never forces: the outcome says what is still running. */
    ForceConsent NEVER = (target, stillRunning) -> Answer.LEAVE_RUNNING;

    Answer forceAfterTimeout(KillTarget target, List<Long> stillRunningPids);
}
