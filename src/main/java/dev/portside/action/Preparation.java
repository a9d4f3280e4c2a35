package dev.portside.action;

/**
 * A plan checked before the user is asked: {@link Ready} to confirm (owners that may not or must not
 * be ended are left alone with the reason, descendants captured), or {@link Blocked} with the reason
 * nothing can be ended. {@link PortFreer#prepare} makes it for the window and the command line alike.
 */
public sealed interface Preparation permits Preparation.Ready, Preparation.Blocked {

    record Ready(KillPlan plan) implements Preparation {
    }

    /** @param why a {@link Refused} or a {@link Failed} (permission): what to tell the user */
    record Blocked(KillOutcome why) implements Preparation {
    }
}
