package dev.portside.platform;

/**
 * How a process ends on this system: whether it can be asked to close before it is ended by force,
 * whether Portside may end it (found out without signalling it), and when it counts as ended. One
 * implementation per system ({@link ProcessEndingLinux}, {@link ProcessEndingMac},
 * {@link ProcessEndingWindows}); {@code action.ProcessTerminator} holds the rules and uses this for
 * the facts.
 */
public interface ProcessEnding {

    /** What the system says about ending a process, asked without signalling it. */
    enum Access {
        /** This user may end it. */
        ALLOWED,
        /** It belongs to another user or to the system: this user may not end it. */
        DENIED,
        /** No such process (it has ended). */
        GONE,
        /** The system would not say; the signal itself will tell. */
        UNKNOWN
    }

    /**
     * True when a process can be asked to close (SIGTERM on Linux and macOS) and be given time to
     * save its work; false on Windows, where ending a process is always immediate
     * ({@link ProcessHandle#supportsNormalTermination()} is false there).
     */
    boolean canAskToClose();

    /**
     * Whether this process may end the one with that pid, as the system itself answers it
     * ({@code kill(pid, 0)}, {@code OpenProcess}); signals nothing. The check right before a signal.
     */
    Access access(long pid);

    /**
     * The same question, answered for what the confirmation says before the user is asked; signals
     * nothing. Linux works it out from {@code /proc} without loading a native binding
     * ({@link KillPermission}) and asks {@link #access} only when that cannot tell; the other systems
     * ask {@link #access}. Never the last word: right before a signal {@link #access} is asked again.
     */
    default Access expectedAccess(long pid) {
        return access(pid);
    }

    /**
     * True once the process has ended as far as its sockets go: gone, or a zombie (it has exited and
     * closed its files, and only waits for its parent to collect its exit status), which
     * {@link ProcessHandle#isAlive()} still calls alive.
     */
    boolean hasEnded(ProcessHandle process);

    /** A system's implementation (for {@link HostSystem}, and tests). */
    static ProcessEnding of(OsFamily family) {
        return switch (family) {
            case WINDOWS -> new ProcessEndingWindows();
            case MACOS -> new ProcessEndingMac();
            // The other Unix systems' kill(2) answers as Linux's; without /proc a zombie is then only
            // seen as ended once its parent collects it.
            case LINUX, OTHER_UNIX -> new ProcessEndingLinux();
        };
    }
}
