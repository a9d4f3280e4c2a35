package dev.portside.action;

import dev.portside.core.Printable;
import dev.portside.core.ProcessInfo;
import dev.portside.knowledge.Texts;
import java.util.List;
import java.util.stream.Collectors;

/** How a process is named in messages: "node (pid 4188)", its name escaped ({@link Printable}). */
public final class ProcessLabels {

    private ProcessLabels() {
    }

    public static String label(String name, long pid) {
        return name == null || name.isEmpty() ? Texts.get("action.process.pidOnly", String.valueOf(pid))
                : Texts.get("action.process", Printable.of(name), String.valueOf(pid));
    }

    public static String label(ProcessInfo p) {
        return label(p.name().isEmpty() && p.path().isEmpty() ? "" : p.displayName(), p.pid());
    }

    /** "node (pid 4188), java (pid 77)". */
    public static String labels(List<ProcessInfo> processes) {
        return processes.stream().map(ProcessLabels::label).collect(Collectors.joining(", "));
    }

    /** "node (pid 4188), java (pid 77)". */
    public static String targetLabels(List<KillTarget> targets) {
        return targets.stream().map(KillTarget::label).collect(Collectors.joining(", "));
    }
}
