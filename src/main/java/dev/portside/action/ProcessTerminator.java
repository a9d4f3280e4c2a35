package dev.portside.action;

import dev.portside.core.Printable;
import dev.portside.knowledge.Texts;
import dev.portside.owner.OwnerFinder;
import dev.portside.platform.HostSystem;
import dev.portside.platform.ProcessEnding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;

/**
 * Ends a process safely. This is where every rule for ending a process lives (DESIGN.md, "Safety
 * rules"); the window and the command line ask it, and repeat none of them:
 * <ol>
 * <li>refuse pid 1, Portside itself, the processes Portside runs inside, and a process whose start
 * time the scan could not read (its identity cannot be confirmed);</li>
 * <li>before anything is signalled, check every process of the confirmed set: still the process the
 * user saw (same pid and start time), and this user may end it ({@link ProcessEnding#access},
 * {@code kill(pid, 0)} on Linux and macOS, asked after the confirmation; the confirmation itself is
 * built from {@link ProcessEnding#expectedAccess}); otherwise end nothing and say who is out of reach;</li>
 * <li>ask gracefully first ({@link ProcessHandle#destroy()}), wait the grace period, and only then
 * end by force ({@link ProcessHandle#destroyForcibly()}) if the user chose force or agrees now; where
 * the system cannot ask (Windows) end at once and say so;</li>
 * <li>with the tree option, exactly the descendants captured when the user was asked, children
 * first;</li>
 * <li>report permission problems in words, with how to get the right.</li>
 * </ol>
 * Only {@link ProcessHandle} and the OS APIs: never a shell command. Blocks for up to the grace
 * period plus the force wait, so it runs on a background thread.
 */
public final class ProcessTerminator {

    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(3);

    /**
     * How far two readings of one process's start time may differ and still mean the same process.
     * Scanners and the JDK derive start times from the boot time, which some systems give in whole
     * seconds, so readings of the same process can differ by up to a second. A pid reused within
     * a second of the old process's start is not a realistic case.
     */
    public static final Duration START_TIME_TOLERANCE = Duration.ofSeconds(1);

    /** How long to wait for a forced kill to take effect (the kernel is quick; a hung disk is not). */
    static final Duration FORCE_WAIT = Duration.ofSeconds(5);

    private static final long PROGRESS_STEP_MILLIS = 100;

    private final Duration grace;
    private final LongFunction<Optional<ProcessHandle>> lookup;
    private final ProcessHandle self;
    private final String selfUser;
    private final ProcessEnding ending;
    /** Portside's ancestors, read once on first use (they only change towards init). */
    private volatile Set<Long> ancestors;

    /** A terminator with the default 3 s grace period. */
    public ProcessTerminator() {
        this(DEFAULT_GRACE);
    }

    public ProcessTerminator(Duration grace) {
        this(grace, HostSystem.current().processEnding());
    }

    public ProcessTerminator(Duration grace, ProcessEnding ending) {
        this(grace, SYSTEM_LOOKUP, ProcessHandle.current(), System.getProperty("user.name", ""), ending);
    }

    /**
     * {@link ProcessHandle#of}. A nested class, and no lambdas or streams on the way to the
     * confirmation (here, {@link #descendantsOf}, {@link #targetOf}): each one the JVM links at run
     * time cost {@code free} up to a millisecond before its question (docs/PERFORMANCE.md).
     */
    private static final LongFunction<Optional<ProcessHandle>> SYSTEM_LOOKUP = new LongFunction<>() {
        @Override
        public Optional<ProcessHandle> apply(long pid) {
            return ProcessHandle.of(pid);
        }
    };

    /** For tests: a lookup that can return stand-in handles, and a system's way of ending. */
    ProcessTerminator(Duration grace, LongFunction<Optional<ProcessHandle>> lookup, ProcessHandle self,
            String selfUser, ProcessEnding ending) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace period must not be negative");
        }
        this.grace = grace;
        this.lookup = Objects.requireNonNull(lookup);
        this.self = Objects.requireNonNull(self);
        this.selfUser = Objects.requireNonNullElse(selfUser, "");
        this.ending = Objects.requireNonNull(ending);
    }

    public Duration grace() {
        return grace;
    }

    /** False where a process cannot be asked to close first (Windows): ending is then immediate. */
    public boolean canAskToClose() {
        return ending.canAskToClose();
    }

    /**
     * The rules that do not depend on timing: a missing pid, pid 1, Portside itself, its ancestors,
     * and a start time the scan could not read (then nothing can prove that the pid still belongs to
     * the process the user saw). The window asks before it offers End, so it never offers what would
     * be refused; it reads /proc only the first time (Portside's ancestors).
     */
    public Optional<Refused> refusalFor(KillTarget target) {
        long pid = target.pid();
        if (pid <= 0) {
            return Optional.of(new Refused(Refused.Reason.NO_OWNER, Texts.get("action.refused.noOwner")));
        }
        if (pid == 1) {
            return Optional.of(new Refused(Refused.Reason.SYSTEM_PROCESS,
                    Texts.get("action.refused.system", target.label())));
        }
        if (pid == self.pid()) {
            return Optional.of(new Refused(Refused.Reason.PORTSIDE_ITSELF, Texts.get("action.refused.self")));
        }
        if (ancestors().contains(pid)) {
            return Optional.of(new Refused(Refused.Reason.PORTSIDE_ANCESTOR,
                    Texts.get("action.refused.ancestor", target.label())));
        }
        if (target.startTime() == null) {
            return Optional.of(new Refused(Refused.Reason.IDENTITY_UNKNOWN,
                    Texts.get("action.refused.identityUnknown", target.label())));
        }
        if (OwnerFinder.isForwarder(target.name())) {
            // The container path (ContainerStop) never asks for this process; reaching here means
            // the engine did not name the container.
            return Optional.of(new Refused(Refused.Reason.CONTAINER_FORWARDER,
                    Texts.get("action.refused.forwarder", target.label())));
        }
        return Optional.empty();
    }

    /** Reads Portside's ancestors now if not yet done (the window does it off the FX thread at start). */
    public void warmUp() {
        ancestors();
    }

    private Set<Long> ancestors() {
        Set<Long> known = ancestors;
        if (known == null) {
            Set<Long> found = new HashSet<>();
            for (Optional<ProcessHandle> p = self.parent(); p.isPresent(); p = p.get().parent()) {
                found.add(p.get().pid());
            }
            known = Set.copyOf(found);
            ancestors = known;
        }
        return known;
    }

    /**
     * The processes that descend from the target now (children, their children, …), deepest first,
     * each with its start time: what the confirmation lists, and with "also its child processes"
     * exactly what ends with it (a child started after this is not signalled). Empty when the target
     * is no longer the process the user saw.
     */
    public List<KillTarget> descendantsOf(KillTarget target) {
        Optional<ProcessHandle> handle = lookup.apply(target.pid());
        if (handle.isEmpty() || !isRunning(handle.get())
                || !sameStart(target.startTime(), handle.get().info().startInstant().orElse(null))) {
            return List.of();
        }
        List<ProcessHandle> found = new ArrayList<>(handle.get().descendants().toList());
        Collections.reverse(found); // descendants() lists children before grandchildren
        List<KillTarget> result = new ArrayList<>();
        for (ProcessHandle d : found) {
            if (d.pid() != 1 && d.pid() != self.pid() && !ancestors().contains(d.pid()) && isRunning(d)) {
                result.add(targetOf(d));
            }
        }
        return result;
    }

    /** A process as the JDK describes it (for descendants, which no scan has seen). */
    static KillTarget targetOf(ProcessHandle p) {
        ProcessHandle.Info info = p.info();
        Optional<String> commandLine = info.commandLine();
        // Another user's executable path is not readable; its command line (argv) is.
        String command = info.command().orElse(null);
        if (command == null) {
            command = commandLine.isPresent() ? commandLine.get().strip().split("\\s+")[0] : "";
        }
        String name = command.substring(Math.max(command.lastIndexOf('/'), command.lastIndexOf('\\')) + 1);
        Optional<ProcessHandle> parent = p.parent();
        return new KillTarget(p.pid(), info.startInstant().orElse(null), name, info.user().orElse(""),
                commandLine.orElse(""), parent.isPresent() ? parent.get().pid() : 0L);
    }

    /** True when both readings name the same process start, within {@link #START_TIME_TOLERANCE}. */
    public static boolean sameStart(Instant seen, Instant now) {
        return seen != null && now != null
                && Duration.between(seen, now).abs().compareTo(START_TIME_TOLERANCE) < 0;
    }

    /**
     * Whether this user may end the process, before the user is asked (what the confirmation says):
     * a {@link Failed} that names whom it belongs to and how to get the right, or empty (allowed,
     * ended, or the system would not say: the signal then tells). Asked without signalling it and, on
     * Linux, without a native call ({@link ProcessEnding#expectedAccess}: the kernel's rule applied to
     * /proc); {@link #checkBeforeSignalling} asks the kernel itself after the user confirmed.
     */
    public Optional<Failed> permissionProblem(KillTarget member, String label) {
        return permissionProblem(member, label, ending.expectedAccess(member.pid()));
    }

    private Optional<Failed> permissionProblem(KillTarget member, String label, ProcessEnding.Access access) {
        if (access != ProcessEnding.Access.DENIED) {
            return Optional.empty();
        }
        String owner = member.user().isBlank() ? lookup.apply(member.pid()).flatMap(h -> h.info().user())
                .orElse("") : member.user();
        return Optional.of(new Failed(Failed.Reason.PERMISSION_DENIED, permissionMessage(label, owner)));
    }

    /**
     * Right before anything is signalled: every member of the set the user confirmed (each target,
     * and with {@code tree} the descendants captured for it) is still the process the user saw, and
     * this user may end it. Returns why nothing may be signalled, or empty. Members that have ended
     * meanwhile are no obstacle; a listed descendant whose pid now belongs to another process is
     * left alone when the time comes, not a reason to stop.
     */
    public Optional<KillOutcome> checkBeforeSignalling(KillPlan plan, boolean tree) {
        for (KillTarget m : plan.members(tree)) {
            boolean target = plan.ends(m.pid());
            if (target) {
                Optional<Refused> refused = refusalFor(m);
                if (refused.isPresent()) {
                    return Optional.of(refused.get());
                }
            }
            Optional<ProcessHandle> running = lookup.apply(m.pid()).filter(this::isRunning);
            if (running.isEmpty()) {
                continue;
            }
            if (m.startTime() == null) {
                return Optional.of(new Refused(Refused.Reason.IDENTITY_UNKNOWN,
                        Texts.get("action.refused.identityUnknown", plan.labelOf(m))));
            }
            if (!sameStart(m.startTime(), running.get().info().startInstant().orElse(null))) {
                if (!target) {
                    continue;
                }
                return Optional.of(new Refused(Refused.Reason.IDENTITY_CHANGED,
                        Texts.get("action.refused.identityChanged", m.label())));
            }
            // the kernel's own answer (kill(pid, 0)), not the prediction the question was built from:
            // a security module may refuse what the uids allow
            Optional<Failed> denied = permissionProblem(m, plan.labelOf(m), ending.access(m.pid()));
            if (denied.isPresent()) {
                return Optional.of(new Failed(Failed.Reason.PERMISSION_DENIED,
                        Texts.get("action.nothingEnded", denied.get().message())));
            }
        }
        return Optional.empty();
    }

    /**
     * Ends the target the user confirmed and, with {@code options.tree()}, exactly the descendants
     * listed in {@code tree} (captured when the user was asked; a process started since is not
     * touched, one whose pid now belongs to another process is left alone). Checks the rules and the
     * identity, asks to close, waits, and forces only when {@code options.force()} or {@code consent}
     * says so; where the system cannot ask, ends at once.
     */
    public Termination terminate(KillTarget target, List<KillTarget> tree, KillOptions options, ForceConsent consent,
            KillProgress progress) {
        Optional<Refused> refused = refusalFor(target);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<ProcessHandle> found = lookup.apply(target.pid()).filter(this::isRunning);
        if (found.isEmpty()) {
            return new Refused(Refused.Reason.ALREADY_ENDED, Texts.get("action.refused.gone", target.label()));
        }
        ProcessHandle handle = found.get();
        Optional<Instant> startNow = handle.info().startInstant();
        if (startNow.isEmpty()) {
            return new Refused(Refused.Reason.IDENTITY_UNKNOWN, Texts.get("action.refused.identityUnknown",
                    target.label()));
        }
        if (!sameStart(target.startTime(), startNow.get())) {
            return new Refused(Refused.Reason.IDENTITY_CHANGED, Texts.get("action.refused.identityChanged",
                    target.label()));
        }

        // The listed descendants first (deepest first), so a parent cannot start new ones while it
        // is asked to end; the target last. Each is checked like the target: pid and start time.
        List<ProcessHandle> victims = new ArrayList<>();
        List<KillTarget> leftAlone = new ArrayList<>();
        if (options.tree()) {
            for (KillTarget d : tree) {
                Optional<ProcessHandle> h = lookup.apply(d.pid()).filter(this::isRunning);
                if (h.isEmpty()) {
                    continue; // ended on its own
                }
                if (sameStart(d.startTime(), h.get().info().startInstant().orElse(null))) {
                    victims.add(h.get());
                } else {
                    leftAlone.add(d);
                }
            }
        }
        victims.add(handle);

        boolean atOnce = !ending.canAskToClose() || !handle.supportsNormalTermination();
        // The handles came from the identity checks; the JDK's destroy() compares the start time once
        // more in native code before it signals, which closes most of the remaining window.
        List<ProcessHandle> denied = new ArrayList<>();
        for (ProcessHandle v : victims) {
            boolean sent = atOnce ? v.destroyForcibly() : v.destroy();
            if (!sent && isRunning(v)) {
                denied.add(v);
            }
        }
        if (denied.size() == victims.size()) {
            return permissionDenied(target, tree, denied.get(0));
        }
        List<ProcessHandle> signalled = new ArrayList<>(victims);
        signalled.removeAll(denied);

        List<ProcessHandle> alive = waitForExit(signalled, atOnce ? FORCE_WAIT : grace, target, progress);
        boolean forced = atOnce;
        if (!alive.isEmpty() && !atOnce) {
            ForceConsent.Answer answer = options.force() ? ForceConsent.Answer.FORCE
                    : consent.forceAfterTimeout(target, pids(alive));
            if (answer != ForceConsent.Answer.FORCE) {
                List<Long> running = pids(alive);
                running.addAll(pids(denied));
                String key = answer == ForceConsent.Answer.NO_ANSWER ? "action.notEnded.noAnswer" : "action.notEnded";
                return new Termination.NotEnded(target, answer == ForceConsent.Answer.NO_ANSWER
                        ? Termination.Why.NO_ANSWER : Termination.Why.LEFT_RUNNING, ended(victims), running,
                        Texts.get(key, labelOfRunning(target, tree, alive), String.valueOf(grace.toSeconds())));
            }
            for (ProcessHandle a : alive) {
                if (!a.destroyForcibly() && isRunning(a)) {
                    denied.add(a);
                }
            }
            alive = waitForExit(alive, FORCE_WAIT, target, KillProgress.NONE);
            forced = true;
        }
        if (!denied.isEmpty()) {
            ProcessHandle d = denied.get(0);
            List<Long> running = pids(running(denied));
            running.addAll(pids(alive));
            return new Termination.NotEnded(target, Termination.Why.DENIED, ended(victims), running,
                    permissionDenied(target, tree, d).message());
        }
        if (!alive.isEmpty()) {
            return new Termination.NotEnded(target, Termination.Why.DID_NOT_END, ended(victims), pids(alive),
                    Texts.get("action.failed.didNotEnd", labelOfRunning(target, tree, alive)));
        }
        Termination.How how = atOnce ? Termination.How.AT_ONCE : forced ? Termination.How.FORCED
                : Termination.How.ASKED;
        String message = switch (how) {
            case ASKED -> Texts.get("action.ended", target.label());
            case FORCED -> Texts.get("action.ended.forced", target.label());
            case AT_ONCE -> Texts.get("action.ended.atOnce", target.label());
        };
        return new Termination.Ended(target, how, pids(victims), leftAlone, message);
    }

    /** The target, or the first listed descendant still running when the target itself ended. */
    private static String labelOfRunning(KillTarget target, List<KillTarget> tree, List<ProcessHandle> alive) {
        if (alive.stream().anyMatch(a -> a.pid() == target.pid())) {
            return target.label();
        }
        long pid = alive.get(0).pid();
        return tree.stream().filter(d -> d.pid() == pid).findFirst()
                .map(d -> Texts.get("action.process.childOf", d.label(), target.label()))
                .orElse(ProcessLabels.label("", pid));
    }

    private Failed permissionDenied(KillTarget target, List<KillTarget> tree, ProcessHandle denied) {
        Optional<KillTarget> listed = tree.stream().filter(d -> d.pid() == denied.pid()).findFirst();
        String owner = denied.info().user().filter(u -> !u.isBlank())
                .orElse(denied.pid() == target.pid() ? target.user() : listed.map(KillTarget::user).orElse(""));
        String who = denied.pid() == target.pid() ? target.label()
                : Texts.get("action.process.childOf", listed.orElseGet(() -> targetOf(denied)).label(),
                        target.label());
        return new Failed(Failed.Reason.PERMISSION_DENIED, permissionMessage(who, owner));
    }

    private String permissionMessage(String who, String owner) {
        return owner.isEmpty() || owner.equals(selfUser)
                ? Texts.get("action.failed.permission.unknownUser", who)
                : Texts.get("action.failed.permission", who, Printable.of(owner));
    }

    /** Waits until every process ended or the time is up; returns those still running. */
    private List<ProcessHandle> waitForExit(List<ProcessHandle> processes, Duration limit, KillTarget target,
            KillProgress progress) {
        long start = System.nanoTime();
        long limitNanos = limit.toNanos();
        progress.waiting(target, Duration.ZERO, limit);
        while (true) {
            List<ProcessHandle> running = running(processes);
            long left = limitNanos - (System.nanoTime() - start);
            if (running.isEmpty() || left <= 0) {
                return running;
            }
            // onExit wakes us as soon as they end; the step bounds the wait for progress reports and
            // for processes onExit never reports (a zombie whose parent does not reap it).
            CompletableFuture<?> all = CompletableFuture.allOf(
                    running.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new));
            try {
                all.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(PROGRESS_STEP_MILLIS)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                progress.waiting(target, Duration.ofNanos(System.nanoTime() - start), limit);
            } catch (ExecutionException e) {
                // onExit does not fail; the next round's running() decides
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return running(processes);
            }
        }
    }

    private List<ProcessHandle> running(List<ProcessHandle> processes) {
        Set<Long> seen = new HashSet<>();
        List<ProcessHandle> alive = new ArrayList<>();
        for (ProcessHandle p : processes) {
            if (isRunning(p) && seen.add(p.pid())) {
                alive.add(p);
            }
        }
        return alive;
    }

    private List<Long> ended(List<ProcessHandle> victims) {
        return victims.stream().filter(v -> !isRunning(v)).map(ProcessHandle::pid).toList();
    }

    /**
     * True while the process runs. A zombie (ended, waiting for its parent to collect its exit
     * status) has closed its sockets and cannot be signalled any more, so it counts as ended, though
     * {@link ProcessHandle#isAlive()} says alive ({@link ProcessEnding#hasEnded}: /proc on Linux,
     * sysctl on macOS).
     */
    public boolean isRunning(ProcessHandle process) {
        return !ending.hasEnded(process);
    }

    private static List<Long> pids(List<ProcessHandle> processes) {
        return new ArrayList<>(processes.stream().map(ProcessHandle::pid).toList());
    }
}
