package dev.portside.action;

/**
 * What {@link ProcessTerminator} did to one process: {@link Ended}, {@link NotEnded} (still running
 * after the grace period and not forced), {@link Refused} (nothing was signalled) or {@link Failed}.
 */
public sealed interface Termination permits Termination.Ended, Termination.NotEnded, Refused, Failed {

    /** What happened, in plain words. */
    String message();

    /**
     * The process (and, with the tree option, its descendants) ended.
     *
     * @param forced whether it took a forced kill
     * @param endedPids every pid that was ended, children first
     */
    record Ended(KillTarget target, boolean forced, java.util.List<Long> endedPids, String message)
            implements Termination {
        public Ended {
            endedPids = java.util.List.copyOf(endedPids);
        }
    }

    /** Asked to end, it (or one of its children) was still running when the grace period ran out. */
    record NotEnded(KillTarget target, java.util.List<Long> stillRunningPids, String message) implements Termination {
        public NotEnded {
            stillRunningPids = java.util.List.copyOf(stillRunningPids);
        }
    }
}
