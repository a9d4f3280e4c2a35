package dev.portside.ui.actions;

import dev.portside.action.KillOptions;
import dev.portside.action.KillPlan;
import dev.portside.action.KillTarget;
import dev.portside.action.ProcessLabels;
import dev.portside.core.ListeningSocket;
import dev.portside.core.Printable;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Snapshot;
import dev.portside.knowledge.Texts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The confirmation's content: every process that holds the socket (name, pid, user, command line,
 * start time, every port it holds, its child processes by name), which of them will end (all by
 * default; the user may leave some running, and Portside leaves alone those it must not or may not
 * end, saying why), and the choices "also their child processes" and "force". Everything was read
 * before the dialog opens; nothing is read on the FX thread. Names and command lines are escaped.
 */
public final class KillDialogViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** How many child processes are named before "and 3 more". */
    private static final int CHILDREN_NAMED = 5;

    /**
     * One process as the dialog shows it.
     *
     * @param whatItIs what the knowledge recognised it as ("Vite dev server"), or ""
     * @param children its child processes by name, or "none"
     * @param whyNot why Portside will not end it, or "" when it may
     */
    public record ProcessRow(long pid, String label, String whatItIs, String user, String commandLine, String started,
            String ports, String children, long childCount, String whyNot) {

        public boolean canEnd() {
            return whyNot.isEmpty();
        }
    }

    private final KillPlan plan;
    private final List<ProcessRow> processes;
    private final Map<Long, BooleanProperty> chosen = new LinkedHashMap<>();
    private final String otherHolders;
    private final long graceSeconds;
    private final boolean canAskToClose;
    private final BooleanProperty tree = new SimpleBooleanProperty(false);
    private final BooleanProperty force = new SimpleBooleanProperty(false);
    private final IntegerBinding chosenCount;
    private final IntegerBinding chosenChildren;
    private final StringBinding heading;
    private final StringBinding kept;
    private final StringBinding confirmText;
    private final StringBinding treeText;
    private final StringBinding willEnd;
    private final StringBinding explanation;
    private final StringBinding forceText;
    /** For a systemd service: that it restarts, and the command that stops it for good; or "". */
    private String serviceAdvice = "";

    /**
     * @param plan the prepared plan (owners left alone carry their reason; descendants captured)
     * @param whatItIs per pid, what the knowledge recognised the process as (looked up off the FX thread)
     * @param snapshot the table's last snapshot, for every port each process holds (may be null)
     * @param canAskToClose false where the system ends processes at once (Windows): no force choice
     */
    public KillDialogViewModel(KillPlan plan, Map<Long, String> whatItIs, Snapshot snapshot, long graceSeconds,
            boolean canAskToClose, ZoneId zone) {
        this.plan = plan;
        this.graceSeconds = graceSeconds;
        this.canAskToClose = canAskToClose;
        this.processes = plan.owners().stream()
                .map(t -> row(t, whatItIs.getOrDefault(t.pid(), ""), snapshot, zone)).toList();
        for (ProcessRow p : processes) {
            if (p.canEnd() && plan.ends(p.pid())) {
                chosen.put(p.pid(), new SimpleBooleanProperty(true));
            }
        }
        Observable[] choices = chosen.values().toArray(Observable[]::new);
        chosenCount = Bindings.createIntegerBinding(() -> (int) chosen.values().stream()
                .filter(BooleanProperty::get).count(), choices);
        chosenChildren = Bindings.createIntegerBinding(() -> chosenPids().stream()
                .mapToInt(pid -> plan.treeOf(pid).size()).sum(), choices);
        this.otherHolders = otherHolders(snapshot);
        heading = Bindings.createStringBinding(this::headingNow, chosenCount);
        kept = Bindings.createStringBinding(this::keptNow, chosenCount, tree);
        confirmText = Bindings.createStringBinding(() -> Texts.get("kill.dialog.confirm",
                Math.max(1, chosenCount.get())), chosenCount);
        treeText = Bindings.createStringBinding(() -> Texts.get("kill.dialog.tree", chosenChildren.get()),
                chosenChildren);
        explanation = Bindings.createStringBinding(() -> Texts.get(canAskToClose ? "kill.dialog.explanation"
                : "kill.dialog.explanation.atOnce", String.valueOf(plan.port()), Math.max(1, chosenCount.get())),
                chosenCount);
        forceText = Bindings.createStringBinding(() -> Texts.get("kill.dialog.force", String.valueOf(graceSeconds),
                Math.max(1, chosenCount.get())), chosenCount);
        willEnd = Bindings.createStringBinding(() -> {
            List<String> names = chosenPids().stream().map(this::labelOf).toList();
            return names.isEmpty() ? "" : Texts.get("kill.dialog.willEnd", String.join(", ", names));
        }, chosenCount);
    }

    private ProcessRow row(KillTarget t, String whatItIs, Snapshot snapshot, ZoneId zone) {
        List<KillTarget> children = plan.treeOf(t.pid());
        return new ProcessRow(t.pid(), t.label(), whatItIs,
                t.user().isEmpty() ? Texts.get("kill.dialog.unknown") : Printable.of(t.user()),
                t.commandLine().isEmpty() ? Texts.get("kill.dialog.unknown") : Printable.of(t.commandLine()),
                t.startTime() == null ? Texts.get("kill.dialog.unknown") : formatStart(t.startTime(), zone),
                portsHeldBy(t.pid(), snapshot), childNames(children), children.size(),
                plan.leftAlone().getOrDefault(t.pid(), ""));
    }

    /** "node (pid 4190), sh (pid 4191)", the deepest last; "none"; "… and 3 more" after five. */
    private static String childNames(List<KillTarget> children) {
        if (children.isEmpty()) {
            return Texts.get("kill.dialog.children.none");
        }
        List<KillTarget> topDown = new ArrayList<>(children);
        Collections.reverse(topDown); // captured deepest first; read from the top
        String named = topDown.stream().limit(CHILDREN_NAMED).map(KillTarget::label).collect(Collectors.joining(", "));
        return topDown.size() <= CHILDREN_NAMED ? named
                : Texts.get("kill.dialog.children.more", named, topDown.size() - CHILDREN_NAMED);
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

    /** Other sockets on the port (same protocol) that this plan does not touch: the row's neighbours. */
    private String otherHolders(Snapshot snapshot) {
        if (snapshot == null) {
            return "";
        }
        Set<Long> listed = plan.owners().stream().map(KillTarget::pid).collect(Collectors.toSet());
        List<String> others = new ArrayList<>();
        for (ListeningSocket s : snapshot.sockets()) {
            if (!plan.counts(s) || plan.sockets().stream().anyMatch(p -> p.key().equals(s.key()))) {
                continue;
            }
            List<ProcessInfo> owners = s.owners().stream().filter(p -> !listed.contains((long) p.pid())).toList();
            if (!owners.isEmpty()) {
                others.add(Texts.get("kill.dialog.others.one", ProcessLabels.labels(owners), s.endpoint()));
            } else if (s.ownerHidden()) {
                others.add(Texts.get("kill.dialog.others.hidden", s.endpoint()));
            }
        }
        return others.isEmpty() ? "" : Texts.get("kill.dialog.others", String.valueOf(plan.port()),
                String.join(", ", others));
    }

    private static String formatStart(Instant start, ZoneId zone) {
        var local = start.atZone(zone);
        return local.toLocalDate().equals(LocalDate.now(zone)) ? Texts.get("kill.dialog.today", TIME.format(local))
                : DATE_TIME.format(local);
    }

    // ---- What the dialog shows ----

    /** The plan as prepared, every owner listed. */
    public KillPlan plan() {
        return plan;
    }

    /** The plan with the owners the user left chosen: what ends when they confirm. */
    public KillPlan chosenPlan() {
        return plan.choosing(chosenPids());
    }

    private List<Long> chosenPids() {
        return chosen.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
    }

    /** Every owner of the socket, those that will not end included (with {@link ProcessRow#whyNot()}). */
    public List<ProcessRow> processes() {
        return processes;
    }

    /** True when there is a choice of owners (more than one may be ended): each gets a check box. */
    public boolean offersChoice() {
        return chosen.size() > 1;
    }

    /** Whether this owner will end (checked by default); null for one Portside leaves alone. */
    public BooleanProperty chosenProperty(long pid) {
        return chosen.get(pid);
    }

    /** "End node (pid 4188)?" or "End 2 processes that hold port 3000?", as the choice changes. */
    public StringBinding headingProperty() {
        return heading;
    }

    private String headingNow() {
        List<Long> pids = chosenPids();
        if (pids.size() == 1) {
            return Texts.get("kill.dialog.heading.one", labelOf(pids.get(0)));
        }
        return pids.isEmpty() ? Texts.get("kill.dialog.heading.none")
                : Texts.get("kill.dialog.heading.many", pids.size(), String.valueOf(plan.port()));
    }

    public String heading() {
        return headingProperty().get();
    }

    private String labelOf(long pid) {
        return processes.stream().filter(p -> p.pid() == pid).map(ProcessRow::label).findFirst().orElse("");
    }

    /** What ending means here: asked to close first, or (Windows) ended at once; "it" or "them" as chosen. */
    public StringBinding explanationProperty() {
        return explanation;
    }

    public String explanation() {
        return explanation.get();
    }

    /** "Port 3000 stays in use: systemd (pid 1) also holds it and will not be ended." or "". */
    public StringBinding keptProperty() {
        return kept;
    }

    private String keptNow() {
        // An owner left unticked still ends with "also the child processes" when it is a child of a chosen one.
        KillPlan chosenNow = chosenPlan();
        List<String> names = processes.stream().filter(p -> !isChosen(p.pid()))
                .filter(p -> !(tree.get() && chosenNow.inTreeOfTarget(p.pid()))).map(ProcessRow::label).toList();
        return names.isEmpty() ? "" : Texts.get("kill.dialog.kept", String.join(", ", names), names.size(),
                String.valueOf(plan.port()));
    }

    private boolean isChosen(long pid) {
        BooleanProperty p = chosen.get(pid);
        return p != null && p.get();
    }

    /** Sockets on the same port that the row does not include, and who holds them; or "". */
    public String otherHolders() {
        return otherHolders;
    }

    public StringBinding confirmTextProperty() {
        return confirmText;
    }

    public String confirmText() {
        return confirmTextProperty().get();
    }

    /** True while no process is chosen: nothing to confirm. */
    public BooleanBinding nothingChosenProperty() {
        return chosenCount.isEqualTo(0);
    }

    public StringBinding treeTextProperty() {
        return treeText;
    }

    public String treeText() {
        return treeTextProperty().get();
    }

    /** False where the system ends processes at once (Windows): there is no separate force step. */
    public boolean forceOffered() {
        return canAskToClose;
    }

    public StringBinding forceTextProperty() {
        return forceText;
    }

    public String forceText() {
        return forceText.get();
    }

    /** True when the chosen processes have child processes to end with them. */
    public BooleanBinding hasChildrenProperty() {
        return chosenChildren.greaterThan(0);
    }

    /** "Will end: node (pid 4188), node (pid 4190)." as the choice changes; "" when nothing is chosen. */
    public StringBinding willEndProperty() {
        return willEnd;
    }

    /** Also end the chosen processes' children, grandchildren, … (exactly those listed). */
    public BooleanProperty treeProperty() {
        return tree;
    }

    /** End by force after the grace period without asking again. */
    public BooleanProperty forceProperty() {
        return force;
    }

    public KillOptions options() {
        return new KillOptions(tree.get(), canAskToClose && force.get());
    }

    /** Says that the owner is a systemd service and which command stops it for good (set before showing). */
    public void setServiceAdvice(String advice) {
        serviceAdvice = advice == null ? "" : advice;
    }

    /** "This is the systemd service nginx.service: sudo systemctl stop nginx stops it for good…", or "". */
    public String serviceAdvice() {
        return serviceAdvice;
    }
}
