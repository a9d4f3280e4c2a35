package dev.portside.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Linux (and the other Unix systems except macOS): asked to close with SIGTERM, permission from
 * {@code kill(pid, 0)}, a zombie seen in {@code /proc/PID/stat}.
 */
public final class ProcessEndingLinux extends ProcessEndingUnix {

    private final Path proc;

    public ProcessEndingLinux() {
        this(ProcessEndingSignals.KILL, Path.of("/proc"));
    }

    /** For tests: a recorded kill(2) answer and a /proc of recorded files. */
    ProcessEndingLinux(ProcessEndingSignals.Probe kill, Path proc) {
        super(kill);
        this.proc = Objects.requireNonNull(proc);
    }

    @Override
    public boolean hasEnded(ProcessHandle process) {
        return !process.isAlive() || isZombie(process.pid());
    }

    boolean isZombie(long pid) {
        Path dir = proc.resolve(Long.toString(pid));
        try {
            if (!isZombieStat(Files.readString(dir.resolve("stat")))) {
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
