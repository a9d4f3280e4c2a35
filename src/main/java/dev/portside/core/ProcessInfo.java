package dev.portside.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What we know of a process that owns a socket. Any text field may be empty when the OS does not
 * tell (a process that just ended, or one this user may not inspect).
 *
 * @param pid process id
 * @param name short name, e.g. "node"
 * @param path executable path, or ""
 * @param commandLine full command line, or ""
 * @param user user name, or ""
 * @param startTime when the process started, or null when unknown; with the pid it identifies the
 *     process (a pid can be reused, a pid plus start time cannot)
 * @param parentPid parent process id, or 0 when unknown
 */
public record ProcessInfo(int pid, String name, String path, String commandLine, String user, Instant startTime,
        int parentPid) {

    public ProcessInfo {
        name = Objects.requireNonNullElse(name, "");
        path = Objects.requireNonNullElse(path, "");
        commandLine = Objects.requireNonNullElse(commandLine, "");
        user = Objects.requireNonNullElse(user, "");
    }

    /** A process whose pid we know but whose details could not be read. */
    public static ProcessInfo pidOnly(int pid) {
        return new ProcessInfo(pid, "", "", "", "", null, 0);
    }

    public Optional<Instant> startTimeIfKnown() {
        return Optional.ofNullable(startTime);
    }

    /** The name to show: the short name, else the executable's file name, else "pid N". */
    public String displayName() {
        if (!name.isEmpty()) {
            return name;
        }
        if (!path.isEmpty()) {
            int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
            return path.substring(slash + 1);
        }
        return "pid " + pid;
    }

    /**
     * As the record's own, written out: the record's is built from method handles at its first call
     * in a JVM, on the window's FX thread on the way to its first frame (docs/PERFORMANCE.md, "Third
     * round: the window"). {@code RecordEqualityTest} checks that every component counts.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ProcessInfo p && pid == p.pid && parentPid == p.parentPid && name.equals(p.name)
                && path.equals(p.path) && commandLine.equals(p.commandLine) && user.equals(p.user)
                && Objects.equals(startTime, p.startTime);
    }

    @Override
    public int hashCode() {
        int h = pid;
        h = h * 31 + name.hashCode();
        h = h * 31 + path.hashCode();
        h = h * 31 + commandLine.hashCode();
        h = h * 31 + user.hashCode();
        h = h * 31 + Objects.hashCode(startTime);
        return h * 31 + parentPid;
    }
}
