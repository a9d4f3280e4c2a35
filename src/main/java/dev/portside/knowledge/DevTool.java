package dev.portside.knowledge;

import dev.portside.core.ProcessInfo;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of the developer-tool catalogue ({@code dev-tools.json}).
 *
 * @param id stable id, e.g. "vite"
 * @param name what to call it, e.g. "Vite dev server"
 * @param description one beginner-friendly sentence
 * @param ports its usual ports (may be empty)
 * @param process pattern for the whole process name (case-insensitive, ".exe" removed), or null
 * @param commandLine pattern to find in the command line (case-insensitive), or null
 * @param tls true when it speaks TLS (https) on every port
 * @param tlsPorts the usual ports on which it speaks TLS
 * @param generic true for a catch-all entry that names only the runtime ("Node.js program")
 * @param onlyOnItsPorts true when the entry names only the sockets on its usual ports (a debugger
 *     port of a program that also serves elsewhere)
 */
public record DevTool(String id, String name, String description, List<Integer> ports, ToolPattern process,
        ToolPattern commandLine, boolean tls, List<Integer> tlsPorts, boolean generic, boolean onlyOnItsPorts) {

    public DevTool {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        description = Objects.requireNonNullElse(description, "");
        ports = List.copyOf(ports);
        tlsPorts = List.copyOf(tlsPorts);
        if (process == null && commandLine == null) {
            throw new IllegalArgumentException("tool " + id + " has neither a process nor a commandLine pattern");
        }
    }

    /** True when every pattern this tool has matches the process. */
    public boolean matches(ProcessInfo p) {
        return matches(new ProcessText(p));
    }

    /** {@link #matches(ProcessInfo)} with the process's texts read once for many tools. */
    boolean matches(ProcessText p) {
        if (process != null && !matchesProcessName(p)) {
            return false;
        }
        return commandLine == null || commandLine.test(p.commandLine, p.commandLineLowered);
    }

    /** True when this tool usually listens on the port. */
    public boolean usuallyOn(int port) {
        return ports.contains(port);
    }

    /** True when this tool speaks TLS (https) on the port. */
    public boolean speaksTlsOn(int port) {
        return tls || tlsPorts.contains(port);
    }

    /** True when the tool has no process pattern or the process name matches it. */
    public boolean matchesProcessName(ProcessInfo p) {
        return matchesProcessName(new ProcessText(p));
    }

    private boolean matchesProcessName(ProcessText p) {
        if (process == null) {
            return true;
        }
        if (!p.name.isEmpty() && process.test(p.name, p.nameLowered)) {
            return true;
        }
        return p.file != null && process.test(p.file, p.fileLowered);
    }

    /**
     * What the patterns are matched against: the process name and its executable's file name
     * (".exe" removed), and the command line, each also in {@link RequiredLiterals#lower} form.
     */
    static final class ProcessText {
        final String name;
        final String nameLowered;
        final String file; // null when the path is not known
        final String fileLowered;
        final String commandLine;
        final String commandLineLowered;

        ProcessText(ProcessInfo p) {
            name = p.name().isEmpty() ? "" : stripExe(p.name());
            nameLowered = RequiredLiterals.lower(name);
            if (p.path().isEmpty()) {
                file = null;
                fileLowered = null;
            } else {
                file = stripExe(p.path().substring(Math.max(p.path().lastIndexOf('/'), p.path().lastIndexOf('\\')) + 1));
                fileLowered = RequiredLiterals.lower(file);
            }
            commandLine = p.commandLine();
            commandLineLowered = RequiredLiterals.lower(commandLine);
        }

        private static String stripExe(String name) {
            return name.toLowerCase(Locale.ROOT).endsWith(".exe") ? name.substring(0, name.length() - 4) : name;
        }
    }
}
