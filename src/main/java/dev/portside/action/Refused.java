package dev.portside.action;

/** Nothing was signalled, for a reason the user can read. */
public record Refused(Reason reason, String message) implements Termination, KillOutcome {

    public enum Reason {
        /** The socket's owner is hidden or unknown. */
        NO_OWNER,
        /** pid 1: init or launchd, the system itself. */
        SYSTEM_PROCESS,
        /** Portside itself. */
        PORTSIDE_ITSELF,
        /** A process that Portside runs inside (its terminal, its launcher). */
        PORTSIDE_ANCESTOR,
        /** The process ended before we signalled. */
        ALREADY_ENDED,
        /** Another process now has that pid, or the same pid started again. */
        IDENTITY_CHANGED,
        /** The start time could not be read, so the identity cannot be checked. */
        IDENTITY_UNKNOWN,
        /**
         * A process that only forwards a port to a container (docker-proxy, rootlessport, …) whose
         * container could not be named: ending it would break the forwarding and leave the container
         * running. Containers are stopped through their engine.
         */
        CONTAINER_FORWARDER,
        /** The user said no (CLI), or no confirmation was possible. */
        NOT_CONFIRMED
    }
}
