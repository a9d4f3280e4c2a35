package dev.portside.platform;

import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * {@code kill(pid, 0)} through the C library (JNA, which comes with OSHI), for Linux and macOS: the
 * kernel runs its permission check for a signal and sends none. It answers 0 (allowed), EPERM (the
 * process belongs to another user) or ESRCH (no such process).
 */
final class ProcessEndingSignals {

    /** EPERM and ESRCH have these numbers on Linux, macOS and the BSDs. */
    static final int EPERM = 1;
    static final int ESRCH = 3;

    /** Asks the kernel; returns 0 when allowed, else the errno. */
    @FunctionalInterface
    interface Probe {
        int errnoOfSignalZero(long pid);
    }

    /**
     * The real call, or "unknown" (-1) where the C library cannot be bound. The library is bound on
     * the first question, not before (a command that ends nothing never loads it).
     */
    static final Probe KILL = new Kill();

    private ProcessEndingSignals() {
    }

    static ProcessEnding.Access access(Probe probe, long pid) {
        if (pid <= 0 || pid > Integer.MAX_VALUE) {
            return ProcessEnding.Access.UNKNOWN; // kill(0 or -n) would address a process group
        }
        int errno = probe.errnoOfSignalZero(pid);
        return switch (errno) {
            case 0 -> ProcessEnding.Access.ALLOWED;
            case EPERM -> ProcessEnding.Access.DENIED;
            case ESRCH -> ProcessEnding.Access.GONE;
            default -> ProcessEnding.Access.UNKNOWN;
        };
    }

    private static int kill(long pid) {
        return Bound.kill((int) pid, 0) == 0 ? 0 : Native.getLastError();
    }

    /** The real call (a class, not a lambda: nothing to link at run time on the way to a question). */
    private static final class Kill implements Probe {
        @Override
        public int errnoOfSignalZero(long pid) {
            return Bound.AVAILABLE ? kill(pid) : -1;
        }
    }

    /** The binding, loaded on first use only (never on Windows). */
    private static final class Bound {
        static final boolean AVAILABLE;

        static {
            boolean ok = false;
            try {
                if (!Platform.isWindows()) {
                    Native.register(Bound.class, Platform.C_LIBRARY_NAME);
                    ok = true;
                }
            } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError: the signal will tell
                ok = false;
            }
            AVAILABLE = ok;
        }

        static native int kill(int pid, int signal);
    }
}
