package dev.portside.action;

import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Snapshot;
import dev.portside.knowledge.Texts;
import dev.portside.scan.PortScanner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Frees a port, for the window and the command line alike: {@link #plan} finds who holds it,
 * {@link #prepare} checks the plan before the user is asked (the rules, permission, the descendants
 * captured), {@link #free} ends the confirmed processes through {@link ProcessTerminator}, then
 * watches the port (a rescan at once, then a few more for a bounded time) and says how it went: free,
 * held again (a supervisor restarted the server), or still held, by whom, and which of the processes
 * did not end and why. Runs on a background thread, and uses its scanner from that thread only.
 */
public final class PortFreer {

    /** How long to watch the port after the kill. */
    public static final Duration DEFAULT_WATCH = Duration.ofSeconds(3);
    /** How long a port must stay free before we call it free (a restart usually comes within this). */
    public static final Duration DEFAULT_SETTLE = Duration.ofMillis(800);
    private static final Duration WATCH_STEP = Duration.ofMillis(200);

    private final PortScanner scanner;
    private final ProcessTerminator terminator;
    private final Duration watch;
    private final Duration settle;

    public PortFreer(PortScanner scanner, ProcessTerminator terminator) {
        this(scanner, terminator, DEFAULT_WATCH, DEFAULT_SETTLE);
    }

    public PortFreer(PortScanner scanner, ProcessTerminator terminator, Duration watch, Duration settle) {
        this.scanner = Objects.requireNonNull(scanner);
        this.terminator = Objects.requireNonNull(terminator);
        this.watch = watch;
        this.settle = settle;
    }

    public ProcessTerminator terminator() {
        return terminator;
    }

    /** The sockets on a port right now (a fresh scan). */
    public List<ListeningSocket> who(int port) {
        return scanner.scan().onPort(port);
    }

    /** A plan to end every visible owner of the port, from a fresh scan. */
    public KillPlan plan(int port) {
        return KillPlan.forSockets(port, who(port));
    }

    /**
     * Checks a plan before the user is asked. Owners that must not be ended (pid 1, Portside, its
     * ancestors, an identity that cannot be confirmed) or that this user may not end are left alone
     * with the reason, so the confirmation lists them and says why; the others keep their place. The
     * descendants of each target are captured now: with "also its child processes", those are
     * the processes that end. Blocked when nothing is left to end.
     */
    public Preparation prepare(KillPlan plan) {
        if (plan.owners().isEmpty()) {
            return new Preparation.Blocked(HiddenOwnerRefusal.of(plan));
        }
        KillPlan checked = plan;
        KillOutcome firstObstacle = null;
        for (KillTarget t : plan.targets()) {
            Optional<? extends KillOutcome> obstacle = terminator.refusalFor(t);
            if (obstacle.isEmpty()) {
                obstacle = terminator.permissionProblem(t, t.label());
            }
            if (obstacle.isPresent()) {
                checked = checked.leaving(t.pid(), obstacle.get().message());
                firstObstacle = firstObstacle == null ? obstacle.get() : firstObstacle;
            }
        }
        if (checked.targets().isEmpty()) {
            return new Preparation.Blocked(firstObstacle instanceof Failed f
                    ? new Failed(f.reason(), Texts.get("action.nothingEnded", f.message())) : firstObstacle);
        }
        Map<Long, List<KillTarget>> trees = new LinkedHashMap<>();
        for (KillTarget t : checked.targets()) {
            // A child that holds the socket too is named as the scan named it, like everywhere else.
            // (Loops, not streams: each lambda linked at run time cost up to a millisecond before the question.)
            List<KillTarget> tree = new ArrayList<>();
            for (KillTarget d : terminator.descendantsOf(t)) {
                tree.add(asScanned(d, plan));
            }
            trees.put(t.pid(), List.copyOf(tree));
        }
        return new Preparation.Ready(checked.withTrees(trees));
    }

    /** The plan's owner that is this process (same pid and start), or the process as the JDK described it. */
    private static KillTarget asScanned(KillTarget descendant, KillPlan plan) {
        for (KillTarget o : plan.owners()) {
            if (o.pid() == descendant.pid() && ProcessTerminator.sameStart(o.startTime(), descendant.startTime())) {
                return o;
            }
        }
        return descendant;
    }

    /**
     * Ends the plan's targets (and with the tree option the descendants it captured) and watches the
     * port. Nothing is signalled unless every one of them passes the identity and permission checks
     * first; when the port is already free by then, nothing is. When one fails midway, the others
     * still end, the port is watched as always, and the outcome names what ended and what did not.
     */
    public KillOutcome free(KillPlan plan, KillOptions options, ForceConsent consent, KillProgress progress) {
        if (plan.targets().isEmpty()) {
            return HiddenOwnerRefusal.of(plan);
        }
        for (KillTarget t : plan.targets()) {
            Optional<Refused> refused = terminator.refusalFor(t);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        // Who holds the port just before: a holder that was already there is not "held again". When
        // nothing holds it any more (the program let go while the user read the confirmation), there
        // is nothing left to end. (The listing is fresh each scan; only owners are cached.)
        List<ProcessInfo> before;
        try {
            List<ListeningSocket> holding = scanner.scan().sockets().stream().filter(plan::counts).toList();
            if (holding.isEmpty()) {
                return new KillOutcome.Freed(plan.port(), List.of(), Texts.get("action.outcome.freedBefore",
                        port(plan.port())));
            }
            before = owners(holding);
        } catch (RuntimeException e) {
            before = List.of(); // the checks below do not need it; the watch scans again
        }
        Optional<KillOutcome> obstacle = terminator.checkBeforeSignalling(plan, options.tree());
        if (obstacle.isPresent()) {
            return obstacle.get();
        }

        List<String> problems = new ArrayList<>();
        Set<Long> asked = new HashSet<>();
        Set<Long> ended = new LinkedHashSet<>();
        Map<Long, KillTarget> notEnded = new LinkedHashMap<>();
        for (KillTarget t : plan.signallingOrder(options.tree())) {
            if (asked.contains(t.pid())) {
                continue; // already ended as part of an earlier target's tree
            }
            Termination result = terminator.terminate(t, plan.treeOf(t.pid()), options, consent, progress);
            asked.add(t.pid());
            if (result instanceof Termination.Ended e) {
                asked.addAll(e.endedPids());
                ended.addAll(e.endedPids());
                e.leftAlone().forEach(d -> problems.add(Texts.get("action.outcome.leftAlone", d.label())));
            } else if (result instanceof Termination.NotEnded n) {
                asked.addAll(n.endedPids());
                asked.addAll(n.stillRunningPids());
                ended.addAll(n.endedPids());
                n.stillRunningPids().forEach(pid -> notEnded.put(pid, plan.member(pid).orElse(t)));
                problems.add(n.message());
            } else if (result instanceof Refused r) {
                if (r.reason() != Refused.Reason.ALREADY_ENDED) {
                    problems.add(r.message()); // changed between the check and now: left alone
                }
            } else if (result instanceof Failed f) {
                notEnded.put(t.pid(), t);
                problems.add(f.message());
            }
        }
        return watch(plan, asked, notEnded, before, ended, problems, options);
    }

    /**
     * Watches the port after its holders were ended some other way than by signals (a container
     * stopped through its engine, {@link ContainerStop}): the same watch and outcome as after an end.
     *
     * @param gone the pids that were expected to go with it (the container's port forwarders)
     */
    public KillOutcome watchAfter(KillPlan plan, Set<Long> gone) {
        return watch(plan, gone, Map.of(), List.of(), Set.of(), List.of(), KillOptions.GRACEFUL);
    }

    /** Rescans until the port stays free for the settle time, is clearly held, or the watch ends. */
    KillOutcome watch(KillPlan plan, Set<Long> asked, Map<Long, KillTarget> notEnded, List<ProcessInfo> before) {
        return watch(plan, asked, notEnded, before, Set.copyOf(asked), List.of(), KillOptions.GRACEFUL);
    }

    private KillOutcome watch(KillPlan plan, Set<Long> asked, Map<Long, KillTarget> notEnded,
            List<ProcessInfo> before, Set<Long> ended, List<String> problems, KillOptions options) {
        long deadline = System.nanoTime() + watch.toNanos();
        long freeSince = -1;
        List<ListeningSocket> holding = List.of();
        while (true) {
            Snapshot now;
            try {
                now = scanner.scan();
            } catch (RuntimeException e) {
                return new Failed(Failed.Reason.ERROR, summary(plan, ended, problems) + Texts.get("action.failed.scan",
                        port(plan.port()), String.valueOf(e.getMessage())));
            }
            holding = now.sockets().stream().filter(plan::counts).toList();
            long t = System.nanoTime();
            if (holding.isEmpty()) {
                if (freeSince < 0) {
                    freeSince = t;
                }
                if (t - freeSince >= settle.toNanos() || t >= deadline) {
                    return new KillOutcome.Freed(plan.port(), List.copyOf(ended), summary(plan, ended, problems)
                            + Texts.get("action.outcome.freed", port(plan.port())));
                }
            } else {
                freeSince = -1;
                List<ProcessInfo> owners = owners(holding);
                List<ProcessInfo> newcomers = owners.stream().filter(p -> !wasThere(p, plan, before)).toList();
                if (!newcomers.isEmpty()) {
                    return heldAgain(plan, newcomers, owners, ended, problems);
                }
                // Holders we did not end (not asked, or still running) will not let go because of us;
                // an ended one may still show for a moment while the system closes its sockets.
                boolean nothingWillChange = !owners.isEmpty() && owners.stream()
                        .noneMatch(p -> asked.contains((long) p.pid()) && !notEnded.containsKey((long) p.pid()));
                if (nothingWillChange || t >= deadline) {
                    return stillHeld(plan, holding, owners, ended, notEnded, problems, options);
                }
            }
            if (t >= deadline) {
                return stillHeld(plan, holding, owners(holding), ended, notEnded, problems, options);
            }
            try {
                // A background thread pacing its rescans; the FX thread never comes here.
                TimeUnit.NANOSECONDS.sleep(Math.min(WATCH_STEP.toNanos(), Math.max(0, deadline - t)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return stillHeld(plan, holding, owners(holding), ended, notEnded, problems, options);
            }
        }
    }

    /** "Ended java (pid 11). java (pid 12) …why… " before the port's sentence, when not all went well. */
    private static String summary(KillPlan plan, Set<Long> ended, List<String> problems) {
        if (problems.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        if (!ended.isEmpty()) {
            List<String> names = ended.stream().map(pid -> plan.member(pid).map(KillTarget::label)
                    .orElse(ProcessLabels.label("", pid))).toList();
            sb.append(Texts.get("action.outcome.ended", String.join(", ", names))).append(' ');
        }
        for (String p : problems) {
            sb.append(p).append(' ');
        }
        return sb.toString();
    }

    /** A holder the user already saw on this port (or a process we were asked to end). */
    private static boolean wasThere(ProcessInfo p, KillPlan plan, List<ProcessInfo> before) {
        List<ProcessInfo> seen = new ArrayList<>(before);
        plan.sockets().forEach(s -> seen.addAll(s.owners()));
        for (ProcessInfo o : seen) {
            if (o.pid() == p.pid() && (o.startTime() == null || p.startTime() == null
                    || ProcessTerminator.sameStart(o.startTime(), p.startTime()))) {
                return true;
            }
        }
        return plan.members(true).stream().anyMatch(t -> t.pid() == p.pid());
    }

    private KillOutcome heldAgain(KillPlan plan, List<ProcessInfo> newcomers, List<ProcessInfo> owners,
            Set<Long> ended, List<String> problems) {
        String port = port(plan.port());
        String who = ProcessLabels.labels(newcomers);
        boolean byParent = newcomers.stream().anyMatch(n -> n.parentPid() > 1
                && plan.targets().stream().anyMatch(t -> t.parentPid() == n.parentPid()));
        String message = byParent ? Texts.get("action.outcome.heldAgain.parent", port, who)
                : Texts.get("action.outcome.heldAgain", port, who);
        return new KillOutcome.StillHeld(plan.port(), owners, true, List.copyOf(ended),
                summary(plan, ended, problems) + message);
    }

    private KillOutcome stillHeld(KillPlan plan, List<ListeningSocket> holding, List<ProcessInfo> owners,
            Set<Long> ended, Map<Long, KillTarget> notEnded, List<String> problems, KillOptions options) {
        String port = port(plan.port());
        String message;
        if (owners.isEmpty()) {
            message = Texts.get("action.outcome.stillHeld.hidden", port);
        } else {
            message = Texts.get("action.outcome.stillHeld", port, ProcessLabels.labels(owners));
            // A holder that is a child of a target the user ended without its children: say how.
            boolean childHolds = !options.tree() && owners.stream().anyMatch(o -> !plan.ends(o.pid())
                    && plan.targets().stream().anyMatch(t -> isDescendant(o, t, plan)));
            if (childHolds) {
                message = Texts.get("action.outcome.stillHeld.child", port, ProcessLabels.labels(owners));
            }
        }
        return new KillOutcome.StillHeld(plan.port(), owners, false, List.copyOf(ended),
                summary(plan, ended, problems) + message);
    }

    /** True when the holder descends from the target: captured in its tree, or its child by the scan. */
    private static boolean isDescendant(ProcessInfo holder, KillTarget target, KillPlan plan) {
        return holder.parentPid() == target.pid()
                || plan.treeOf(target.pid()).stream().anyMatch(d -> d.pid() == holder.pid());
    }

    private static List<ProcessInfo> owners(List<ListeningSocket> sockets) {
        Map<Integer, ProcessInfo> byPid = new LinkedHashMap<>();
        for (ListeningSocket s : sockets) {
            for (ProcessInfo p : s.owners()) {
                byPid.putIfAbsent(p.pid(), p);
            }
        }
        return new ArrayList<>(byPid.values());
    }

    /** Ports in messages as plain digits (MessageFormat would write 3,000). */
    static String port(int port) {
        return Integer.toString(port);
    }
}
