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
}
