package dev.portside.action;

import dev.portside.core.ProcessInfo;
import java.time.Instant;
import java.util.Objects;

/**
 * The process the user agreed to end, as they saw it: a pid alone is not an identity (the system
 * reuses pids), a pid plus the start time is. {@link ProcessTerminator} checks both again right
 * before it signals.
 *
 * @param pid process id
 * @param startTime when the process started as the user saw it, or null when it could not be read
 *     (the terminator then refuses, since it cannot prove it is the same process)
 * @param name short name, e.g. "node"
 * @param user the owning user, or ""
 * @param commandLine the command line, or ""
 * @param parentPid the parent's pid, or 0 when unknown
 */
public record KillTarget(long pid, Instant startTime, String name, String user, String commandLine, long parentPid) {

    public KillTarget {
        name = Objects.requireNonNullElse(name, "");
        user = Objects.requireNonNullElse(user, "");
        commandLine = Objects.requireNonNullElse(commandLine, "");
    }

    /** The target for a process as a scan described it. */
    public static KillTarget of(ProcessInfo process) {
        String name = process.name().isEmpty() && process.path().isEmpty() ? "" : process.displayName();
        return new KillTarget(process.pid(), process.startTime(), name, process.user(), process.commandLine(),
                process.parentPid());
    }

    /** The same target with a start time read now (when the scan could not read it). */
    public KillTarget withStartTime(Instant start) {
        return new KillTarget(pid, start, name, user, commandLine, parentPid);
    }

    /** "node (pid 4188)". */
    public String label() {
        return ProcessLabels.label(name, pid);
    }
}
