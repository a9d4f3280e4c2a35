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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Frees a port: finds who holds it, ends the confirmed processes through {@link ProcessTerminator},
 * then watches the port (a rescan at once, then a few more for a bounded time) and says how it
 * went: free, held again (a supervisor restarted the server), or still held, and by whom. Runs on a
 * background thread, and uses its scanner from that thread only.
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
     * Ends the plan's targets (in order) and watches the port. Stops at the first refusal or
     * failure: the user confirmed a set, and half of it is not what they agreed to watch.
     */
    public KillOutcome free(KillPlan plan, KillOptions options, ForceConsent consent, KillProgress progress) {
        if (plan.targets().isEmpty()) {
            return new Refused(Refused.Reason.NO_OWNER, plan.hasHiddenOwner()
                    ? Texts.get("action.refused.hidden", port(plan.port()))
                    : Texts.get("action.refused.noOwner"));
        }
        for (KillTarget t : plan.targets()) {
            Optional<Refused> refused = terminator.refusalFor(t);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        // Who holds the port just before: a holder that was already there is not "held again".
        List<ProcessInfo> before;
        try {
            before = owners(scanner.scan().sockets().stream().filter(plan::counts).toList());
        } catch (RuntimeException e) {
            before = List.of();
        }
        Set<Long> asked = new HashSet<>();
        Map<Long, KillTarget> notEnded = new LinkedHashMap<>();
        for (KillTarget t : plan.targets()) {
            if (asked.contains(t.pid())) {
                continue; // already ended as part of an earlier target's tree
            }
            Termination result = terminator.terminate(t, options, consent, progress);
            if (result instanceof Refused r) {
                if (r.reason() == Refused.Reason.ALREADY_ENDED) {
                    asked.add(t.pid());
                    continue; // gone on its own: what matters now is the port
                }
                return r;
            } else if (result instanceof Failed f) {
                return f;
            } else if (result instanceof Termination.Ended e) {
                asked.addAll(e.endedPids());
            } else if (result instanceof Termination.NotEnded n) {
                asked.add(t.pid());
                notEnded.put(t.pid(), t);
            }
        }
        return watch(plan, asked, notEnded, before);
    }

    /** Rescans until the port stays free for the settle time, is clearly held, or the watch ends. */
    KillOutcome watch(KillPlan plan, Set<Long> asked, Map<Long, KillTarget> notEnded, List<ProcessInfo> before) {
        long deadline = System.nanoTime() + watch.toNanos();
        long freeSince = -1;
        List<ListeningSocket> holding = List.of();
        while (true) {
            Snapshot now;
            try {
                now = scanner.scan();
            } catch (RuntimeException e) {
                return new Failed(Failed.Reason.ERROR, Texts.get("action.failed.scan", port(plan.port()),
                        String.valueOf(e.getMessage())));
            }
            holding = now.sockets().stream().filter(plan::counts).toList();
            long t = System.nanoTime();
            if (holding.isEmpty()) {
                if (freeSince < 0) {
                    freeSince = t;
                }
                if (t - freeSince >= settle.toNanos() || t >= deadline) {
                    return new KillOutcome.Freed(plan.port(), Texts.get("action.outcome.freed", port(plan.port())));
                }
            } else {
                freeSince = -1;
                List<ProcessInfo> owners = owners(holding);
                List<ProcessInfo> newcomers = owners.stream().filter(p -> !wasThere(p, plan, before)).toList();
                if (!newcomers.isEmpty()) {
                    return heldAgain(plan, newcomers, owners);
                }
                // Holders we did not end (not asked, or still running) will not let go because of us;
                // an ended one may still show for a moment while the system closes its sockets.
                boolean nothingWillChange = !owners.isEmpty() && owners.stream()
                        .noneMatch(p -> asked.contains((long) p.pid()) && !notEnded.containsKey((long) p.pid()));
                if (nothingWillChange || t >= deadline) {
                    return stillHeld(plan, holding, owners, notEnded);
                }
            }
            if (t >= deadline) {
                return stillHeld(plan, holding, owners(holding), notEnded);
            }
            try {
                // A background thread pacing its rescans; the FX thread never comes here.
                TimeUnit.NANOSECONDS.sleep(Math.min(WATCH_STEP.toNanos(), Math.max(0, deadline - t)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return stillHeld(plan, holding, owners(holding), notEnded);
            }
        }
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
        return plan.targets().stream().anyMatch(t -> t.pid() == p.pid());
    }

    private KillOutcome heldAgain(KillPlan plan, List<ProcessInfo> newcomers, List<ProcessInfo> owners) {
        String port = port(plan.port());
        String who = ProcessLabels.labels(newcomers);
        boolean byParent = newcomers.stream().anyMatch(n -> n.parentPid() > 1
                && plan.targets().stream().anyMatch(t -> t.parentPid() == n.parentPid()));
        String message = byParent ? Texts.get("action.outcome.heldAgain.parent", port, who)
                : Texts.get("action.outcome.heldAgain", port, who);
        return new KillOutcome.StillHeld(plan.port(), owners, true, message);
    }

    private KillOutcome stillHeld(KillPlan plan, List<ListeningSocket> holding, List<ProcessInfo> owners,
            Map<Long, KillTarget> notEnded) {
        String port = port(plan.port());
        String message;
        if (owners.isEmpty()) {
            message = Texts.get("action.outcome.stillHeld.hidden", port);
        } else if (!notEnded.isEmpty() && owners.stream().anyMatch(p -> notEnded.containsKey((long) p.pid()))) {
            message = Texts.get("action.outcome.stillHeld.notEnded", port, ProcessLabels.labels(owners),
                    String.valueOf(terminator.grace().toSeconds()));
        } else {
            message = Texts.get("action.outcome.stillHeld", port, ProcessLabels.labels(owners));
        }
        return new KillOutcome.StillHeld(plan.port(), owners, false, message);
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
