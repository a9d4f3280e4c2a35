package dev.portside.action;

/** We tried and the system said no, or the process would not end. */
public record Failed(Reason reason, String message) implements Termination, KillOutcome {

    public enum Reason {
        /** The process belongs to another user or the system. */
        PERMISSION_DENIED,
        /** It did not end even when forced. */
        DID_NOT_END,
        /** Anything else (a scan that failed, …). */
        ERROR
    }
}
