package dev.portside.scan;

import dev.portside.core.ProcessExtras;
import dev.portside.core.ProcessInfo;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a process's parent name and working folder. Reads the OS: call it off the FX thread.
 */
@FunctionalInterface
public interface ProcessExtrasReader {

    ProcessExtras read(ProcessInfo process);

    /** {@link ProcessHandle} for the parent; {@code /proc/PID/cwd} for the folder where it exists (Linux). */
    static ProcessExtrasReader system() {
        return p -> new ProcessExtras(parentName(p), workingDirectory(p.pid()));
    }

    private static String parentName(ProcessInfo p) {
        if (p.parentPid() <= 0) {
            return "";
        }
        try {
            return ProcessHandle.of(p.parentPid()).flatMap(h -> h.info().command())
                    .map(c -> c.substring(Math.max(c.lastIndexOf('/'), c.lastIndexOf('\\')) + 1)).orElse("");
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String workingDirectory(int pid) {
        Path link = Path.of("/proc", Integer.toString(pid), "cwd");
        try {
            return Files.isSymbolicLink(link) ? Files.readSymbolicLink(link).toString() : "";
        } catch (Exception e) { // another user's process, or it just ended
            return "";
        }
    }
}
