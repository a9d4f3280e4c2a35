package dev.portside.action;

import java.util.List;

/**
 * Asked when processes are still running after the grace period and the user did not choose force
 * up front: may they be ended by force? Called on the thread that runs the kill (it may block to
 * ask a person).
 */
@FunctionalInterface
public interface ForceConsent {

    /** Never forces: the outcome says what is still running. */
    ForceConsent NEVER = (target, stillRunning) -> false;

    boolean forceAfterTimeout(KillTarget target, List<Long> stillRunningPids);
}
