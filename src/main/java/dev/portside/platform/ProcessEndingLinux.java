package dev.portside.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Linux (and the other Unix systems except macOS): asked to close with SIGTERM, permission from
 * {@code kill(pid, 0)} (before the question predicted from /proc, {@link #expectedAccess}), a zombie
 * seen in {@code /proc/PID/stat}.
 */
public final class ProcessEndingLinux extends ProcessEndingUnix {

    private final Path proc;
    /** Whether {@code /proc} is Linux's, whose status files {@link KillPermission} reads. */
    private final boolean linuxProc;

    public ProcessEndingLinux() {
        this(ProcessEndingSignals.KILL, Path.of("/proc"), OsFamily.current() == OsFamily.LINUX);
    }

    /** For tests: a recorded kill(2) answer and a /proc of recorded files. */
    ProcessEndingLinux(ProcessEndingSignals.Probe kill, Path proc) {
        this(kill, proc, true);
    }

    private ProcessEndingLinux(ProcessEndingSignals.Probe kill, Path proc, boolean linuxProc) {
        super(kill);
        this.proc = Objects.requireNonNull(proc);
        this.linuxProc = linuxProc;
    }

    /**
     * Predicted from /proc (the kernel's rule for kill(2), {@link KillPermission}); kill(pid, 0)
     * through the C library only when /proc cannot tell, and on the other Unix systems.
     */
    @Override
    public Access expectedAccess(long pid) {
        Access predicted = linuxProc ? KillPermission.predict(proc, pid) : Access.UNKNOWN;
        return predicted == Access.UNKNOWN ? access(pid) : predicted;
    }

    @Override
    public boolean hasEnded(ProcessHandle process) {
        return !process.isAlive() || isZombie(process.pid());
    }

    boolean isZombie(long pid) {
        Path dir = proc.resolve(Long.toString(pid));
        try {
            String stat = KillPermission.read(dir.resolve("stat"));
            if (stat == null || !isZombieStat(stat)) {
                return false;
            }
            // The main thread of a process that is still exiting shows Z while its other threads
            // close the files; only when it is the last thread left are the sockets gone.
            try (var tasks = Files.list(dir.resolve("task"))) {
                return tasks.count() <= 1;
            }
        } catch (IOException | RuntimeException e) {
            return false; // no /proc, or already gone (then isAlive says so)
        }
    }

    /** The state field of {@code /proc/PID/stat}, after the name in parentheses (which may hold any character). */
    static boolean isZombieStat(String stat) {
        int close = stat.lastIndexOf(')');
        return close > 0 && close + 2 < stat.length() && stat.charAt(close + 1) == ' '
                && stat.charAt(close + 2) == 'Z';
    }
}
