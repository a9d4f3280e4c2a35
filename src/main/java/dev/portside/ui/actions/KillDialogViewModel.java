package dev.portside.ui.actions;

import dev.portside.action.KillOptions;
import dev.portside.action.KillPlan;
import dev.portside.action.KillTarget;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Snapshot;
import dev.portside.knowledge.Texts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The confirmation's content: which processes will end (name, pid, user, command line, start time,
 * every port each holds, how many child processes) and the two choices, "also its child processes"
 * and "force". Everything here was computed before the dialog opens; nothing is read on the FX
 * thread.
 */
public final class KillDialogViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One process as the dialog shows it. */
    /** @param whatItIs what the knowledge recognised it as ("Vite dev server"), or "" */
    public record ProcessRow(String label, String whatItIs, String user, String commandLine, String started,
            String ports, String children, long childCount) {
    }

    private final KillPlan plan;
    private final List<ProcessRow> processes;
    private final long graceSeconds;
    private final BooleanProperty tree = new SimpleBooleanProperty(false);
    private final BooleanProperty force = new SimpleBooleanProperty(false);

    /**
     * @param plan what the user asked to end (targets with their start times)
     * @param childCounts descendants per pid, counted off the FX thread
     * @param snapshot the table's last snapshot, for every port each process holds (may be null)
     */
    public KillDialogViewModel(KillPlan plan, Map<Long, Long> childCounts, Snapshot snapshot, long graceSeconds,
            ZoneId zone) {
        this(plan, childCounts, Map.of(), snapshot, graceSeconds, zone);
    }

    /** @param whatItIs per pid, what the knowledge recognised the process as (looked up off the FX thread) */
    public KillDialogViewModel(KillPlan plan, Map<Long, Long> childCounts, Map<Long, String> whatItIs,
            Snapshot snapshot, long graceSeconds, ZoneId zone) {
        this.plan = plan;
        this.graceSeconds = graceSeconds;
        this.processes = plan.targets().stream()
                .map(t -> row(t, childCounts.getOrDefault(t.pid(), 0L), whatItIs.getOrDefault(t.pid(), ""),
                        snapshot, zone)).toList();
    }

    private ProcessRow row(KillTarget t, long children, String whatItIs, Snapshot snapshot, ZoneId zone) {
        return new ProcessRow(t.label(), whatItIs,
                t.user().isEmpty() ? Texts.get("kill.dialog.unknown") : t.user(),
                t.commandLine().isEmpty() ? Texts.get("kill.dialog.unknown") : t.commandLine(),
                t.startTime() == null ? Texts.get("kill.dialog.unknown") : formatStart(t.startTime(), zone),
                portsHeldBy(t.pid(), snapshot),
                Texts.get("kill.dialog.children.count", children),
                children);
    }

    private String portsHeldBy(long pid, Snapshot snapshot) {
        List<ListeningSocket> sockets = snapshot == null ? List.of()
                : snapshot.sockets().stream().filter(s -> s.owners().stream().anyMatch(p -> p.pid() == pid)).toList();
        if (sockets.isEmpty()) {
            // No snapshot yet (a port typed in): the sockets of the plan are what we know.
            sockets = plan.sockets().stream()
                    .filter(s -> s.owners().stream().map(ProcessInfo::pid).anyMatch(p -> p == pid)).toList();
        }
        return sockets.stream().map(s -> s.protocol().label() + " " + s.endpoint()).collect(Collectors.joining(", "));
    }

    private static String formatStart(Instant start, ZoneId zone) {
        var local = start.atZone(zone);
        return local.toLocalDate().equals(LocalDate.now(zone)) ? Texts.get("kill.dialog.today", TIME.format(local))
                : DATE_TIME.format(local);
    }

    public KillPlan plan() {
        return plan;
    }

    public List<ProcessRow> processes() {
        return processes;
    }

    /** "End node (pid 4188)?" or "End 2 processes that hold port 3000?". */
    public String heading() {
        return processes.size() == 1 ? Texts.get("kill.dialog.heading.one", processes.get(0).label())
                : Texts.get("kill.dialog.heading.many", processes.size(), String.valueOf(plan.port()));
    }

    public String explanation() {
        return Texts.get("kill.dialog.explanation", String.valueOf(plan.port()));
    }

    public String confirmText() {
        return Texts.get("kill.dialog.confirm", processes.size());
    }

    public String treeText() {
        long children = processes.stream().mapToLong(ProcessRow::childCount).sum();
        return Texts.get("kill.dialog.tree", children);
    }

    public String forceText() {
        return Texts.get("kill.dialog.force", String.valueOf(graceSeconds));
    }

    /** Also end the processes' children, grandchildren, …. */
    public BooleanProperty treeProperty() {
        return tree;
    }

    /** End by force after the grace period without asking again. */
    public BooleanProperty forceProperty() {
        return force;
    }

    public KillOptions options() {
        return new KillOptions(tree.get(), force.get());
    }
}
