package dev.portside.action;

import dev.portside.knowledge.Texts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * rules"):
 * <ol>
 * <li>refuse pid 1, Portside itself and the processes Portside runs inside;</li>
 * <li>right before signalling, check that the pid still belongs to the process the user saw (same
 * start time); otherwise signal nothing;</li>
 * <li>ask gracefully first ({@link ProcessHandle#destroy()}), wait the grace period, and only then
 * end by force ({@link ProcessHandle#destroyForcibly()}) if the user chose force or agrees now;</li>
 * <li>optionally the whole tree, children first;</li>
 * <li>report permission problems in words, with how to get the right.</li>
 * </ol>
 * Only {@link ProcessHandle}: never a shell command. Blocks for up to the grace period plus the
 * force wait, so it runs on a background thread.
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

    /** A terminator with the default 3 s grace period. */
    public ProcessTerminator() {
        this(DEFAULT_GRACE);
    }

    public ProcessTerminator(Duration grace) {
        this(grace, ProcessHandle::of, ProcessHandle.current(), System.getProperty("user.name", ""));
    }

    /** For tests: a lookup that can return stand-in handles (a process we may not signal). */
    ProcessTerminator(Duration grace, LongFunction<Optional<ProcessHandle>> lookup, ProcessHandle self,
            String selfUser) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace period must not be negative");
        }
        this.grace = grace;
        this.lookup = Objects.requireNonNull(lookup);
        this.self = Objects.requireNonNull(self);
        this.selfUser = Objects.requireNonNullElse(selfUser, "");
    }

    public Duration grace() {
        return grace;
    }

    /**
     * The rules that do not depend on timing: pid 1, Portside itself, its ancestors, a missing pid.
     * The UI asks before it shows a confirmation, so it never offers what would be refused.
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
        for (Optional<ProcessHandle> p = self.parent(); p.isPresent(); p = p.get().parent()) {
            if (p.get().pid() == pid) {
                return Optional.of(new Refused(Refused.Reason.PORTSIDE_ANCESTOR,
                        Texts.get("action.refused.ancestor", target.label())));
            }
        }
        return Optional.empty();
    }

    /** The start time of a running process, read now (for a target whose scan had none). */
    public Optional<Instant> startTimeOf(long pid) {
        return lookup.apply(pid).filter(ProcessHandle::isAlive).flatMap(h -> h.info().startInstant());
    }

    /** How many processes descend from this one (children, their children, …); 0 when it is gone. */
    public long descendantCount(long pid) {
        return lookup.apply(pid).map(h -> h.descendants().count()).orElse(0L);
    }

    /** True when both readings name the same process start, within {@link #START_TIME_TOLERANCE}. */
    public static boolean sameStart(Instant seen, Instant now) {
        return seen != null && now != null
                && Duration.between(seen, now).abs().compareTo(START_TIME_TOLERANCE) < 0;
    }

    /**
     * Ends the target the user confirmed: checks the rules and its identity, asks it to end, waits,
     * and forces only when {@code options.force()} or {@code consent} says so.
     */
    public Termination terminate(KillTarget target, KillOptions options, ForceConsent consent,
            KillProgress progress) {
        Optional<Refused> refused = refusalFor(target);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<ProcessHandle> found = lookup.apply(target.pid()).filter(ProcessTerminator::isRunning);
        if (found.isEmpty()) {
            return new Refused(Refused.Reason.ALREADY_ENDED, Texts.get("action.refused.gone", target.label()));
        }
        ProcessHandle handle = found.get();
        Optional<Instant> startNow = handle.info().startInstant();
        if (target.startTime() == null || startNow.isEmpty()) {
            return new Refused(Refused.Reason.IDENTITY_UNKNOWN, Texts.get("action.refused.identityUnknown",
                    target.label()));
        }
        if (!sameStart(target.startTime(), startNow.get())) {
            return new Refused(Refused.Reason.IDENTITY_CHANGED, Texts.get("action.refused.identityChanged",
                    target.label()));
        }

        // Children first, so a parent cannot start new ones while it is asked to end; the target
        // last. descendants() lists children before grandchildren, so reversed is deepest first.
        List<ProcessHandle> victims = new ArrayList<>();
        if (options.tree()) {
            List<ProcessHandle> descendants = new ArrayList<>(handle.descendants().toList());
            java.util.Collections.reverse(descendants);
            for (ProcessHandle d : descendants) {
                if (d.pid() != 1 && d.pid() != self.pid()) {
                    victims.add(d);
                }
            }
        }
        victims.add(handle);

        // The handle came from the identity check; the JDK's destroy() compares the start time once
        // more in native code before it signals, which closes most of the remaining window.
        for (ProcessHandle v : victims) {
            if (!v.destroy() && isRunning(v)) {
                return permissionDenied(target, v);
            }
        }
        List<ProcessHandle> alive = waitForExit(victims, grace, target, progress);
        if (alive.isEmpty()) {
            return new Termination.Ended(target, false, pids(victims), Texts.get("action.ended", target.label()));
        }
        List<Long> running = pids(alive);
        boolean force = options.force() || consent.forceAfterTimeout(target, running);
        if (!force) {
            return new Termination.NotEnded(target, running, Texts.get("action.notEnded", target.label(),
                    String.valueOf(grace.toSeconds())));
        }
        for (ProcessHandle a : alive) {
            if (!a.destroyForcibly() && isRunning(a)) {
                return permissionDenied(target, a);
            }
        }
        List<ProcessHandle> stubborn = waitForExit(alive, FORCE_WAIT, target, KillProgress.NONE);
        if (!stubborn.isEmpty()) {
            return new Failed(Failed.Reason.DID_NOT_END, Texts.get("action.failed.didNotEnd", target.label()));
        }
        return new Termination.Ended(target, true, pids(victims), Texts.get("action.ended.forced", target.label()));
    }

    private Failed permissionDenied(KillTarget target, ProcessHandle denied) {
        String owner = denied.info().user().filter(u -> !u.isBlank())
                .orElse(target.pid() == denied.pid() ? target.user() : "");
        String who = denied.pid() == target.pid() ? target.label()
                : ProcessLabels.label(denied.info().command().map(c -> c.substring(
                        Math.max(c.lastIndexOf('/'), c.lastIndexOf('\\')) + 1)).orElse(""), denied.pid());
        String message = owner.isEmpty() || owner.equals(selfUser)
                ? Texts.get("action.failed.permission.unknownUser", who)
                : Texts.get("action.failed.permission", who, owner);
        return new Failed(Failed.Reason.PERMISSION_DENIED, message);
    }

    /** Waits until every process ended or the time is up; returns those still running. */
    private static List<ProcessHandle> waitForExit(List<ProcessHandle> processes, Duration limit, KillTarget target,
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

    private static List<ProcessHandle> running(List<ProcessHandle> processes) {
        Set<Long> seen = new HashSet<>();
        List<ProcessHandle> alive = new ArrayList<>();
        for (ProcessHandle p : processes) {
            if (isRunning(p) && seen.add(p.pid())) {
                alive.add(p);
            }
        }
        return alive;
    }

    /**
     * True while the process runs. A zombie (ended, waiting for its parent to collect its exit
     * status) has closed its sockets and cannot be signalled any more, so it counts as ended, though
     * {@link ProcessHandle#isAlive()} says alive.
     */
    public static boolean isRunning(ProcessHandle process) {
        return process.isAlive() && !isZombie(process.pid());
    }

    private static boolean isZombie(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            String text = Files.readString(proc.resolve("stat"));
            int close = text.lastIndexOf(')'); // the name may contain spaces and parentheses
            if (close <= 0 || close + 2 >= text.length() || text.charAt(close + 2) != 'Z') {
                return false;
            }
            // The main thread of a process that is still exiting shows Z while its other threads
            // close the files; only when it is the last thread left are the sockets gone.
            try (var tasks = Files.list(proc.resolve("task"))) {
                return tasks.count() <= 1;
            }
        } catch (IOException | RuntimeException e) {
            return false; // no /proc (macOS, Windows) or already gone
        }
    }

    private static List<Long> pids(List<ProcessHandle> processes) {
        return processes.stream().map(ProcessHandle::pid).toList();
    }
}
