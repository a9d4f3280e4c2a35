package dev.portside.knowledge;

import dev.portside.core.ProcessInfo;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

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
public record DevTool(String id, String name, String description, List<Integer> ports, Pattern process,
        Pattern commandLine, boolean tls, List<Integer> tlsPorts, boolean generic, boolean onlyOnItsPorts) {

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
        if (process != null && !matchesProcessName(p)) {
            return false;
        }
        return commandLine == null || commandLine.matcher(p.commandLine()).find();
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
        if (process == null) {
            return true;
        }
        if (!p.name().isEmpty() && process.matcher(stripExe(p.name())).matches()) {
            return true;
        }
        if (!p.path().isEmpty()) {
            String file = p.path().substring(Math.max(p.path().lastIndexOf('/'), p.path().lastIndexOf('\\')) + 1);
            return process.matcher(stripExe(file)).matches();
        }
        return false;
    }

    private static String stripExe(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".exe") ? name.substring(0, name.length() - 4) : name;
    }
}
