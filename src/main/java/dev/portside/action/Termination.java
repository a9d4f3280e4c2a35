package dev.portside.action;

import java.util.List;

/**
 * What {@link ProcessTerminator} did to one target (and, with the tree option, the descendants the
 * user saw listed): {@link Ended}, {@link NotEnded} (something was signalled, not all of it ended),
 * {@link Refused} (nothing was signalled) or {@link Failed} (nothing ended).
 */
public sealed interface Termination permits Termination.Ended, Termination.NotEnded, Refused, Failed {

    /** What happened, in plain words. */
    String message();

    /** How an ended process was ended. */
    enum How {
        /** It closed when asked (SIGTERM). */
        ASKED,
        /** It was asked and did not close in time, then ended by force. */
        FORCED,
        /** Ended at once, without asking first: the system cannot ask a process to close (Windows). */
        AT_ONCE
    }

    /** Why a process that was signalled is still running. */
    enum Why {
        /** The grace period ran out, and force was not chosen (or the user said no). */
        LEFT_RUNNING,
        /** The force question got no answer in time. */
        NO_ANSWER,
        /** The system refused the signal (another user's process). */
        DENIED,
        /** It did not end even when forced. */
        DID_NOT_END
    }

    /**
     * The target (and the listed descendants, with the tree option) ended.
     *
     * @param endedPids every pid that was ended, children first
     * @param leftAlone listed descendants whose pid now belongs to another process: not signalled
     */
    record Ended(KillTarget target, How how, List<Long> endedPids, List<KillTarget> leftAlone, String message)
            implements Termination {
        public Ended {
            endedPids = List.copyOf(endedPids);
            leftAlone = List.copyOf(leftAlone);
        }

        public boolean forced() {
            return how != How.ASKED;
        }
    }

    /**
     * Signalled, but the target or one of its listed descendants is still running.
     *
     * @param endedPids those that did end
     * @param stillRunningPids those that did not
     */
    record NotEnded(KillTarget target, Why why, List<Long> endedPids, List<Long> stillRunningPids, String message)
            implements Termination {
        public NotEnded {
            endedPids = List.copyOf(endedPids);
            stillRunningPids = List.copyOf(stillRunningPids);
        }
    }
}
