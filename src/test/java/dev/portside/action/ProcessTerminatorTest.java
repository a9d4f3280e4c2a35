package dev.portside.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portside.platform.ProcessEnding;
import dev.portside.testing.ChildJvm;
import dev.portside.testing.Endings;
import dev.portside.testing.ForkingListener;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

class ProcessTerminatorTest {

    /** Long enough for a child to end gracefully on a busy machine; the wait ends when it does. */
    private final ProcessTerminator terminator = new ProcessTerminator(Duration.ofSeconds(15));
    /** For children that ignore the graceful request: the grace period is all waiting. */
    private final ProcessTerminator impatient = new ProcessTerminator(Duration.ofMillis(1500));

    @Test
    void endsAChildGracefully() {
        try (ChildJvm child = ChildJvm.start("tcp")) {
            Termination result = terminator.terminate(Ports.target(child.pid()), List.of(),
                    KillOptions.GRACEFUL, ForceConsent.NEVER, KillProgress.NONE);

            assertThat(result).isInstanceOfSatisfying(Termination.Ended.class, e -> {
                assertThat(e.forced()).isFalse();
                assertThat(e.endedPids()).containsExactly(child.pid());
            });
            assertThat(Ports.alive(child.pid())).isFalse();
            assertThat(Ports.listening(child.port())).isFalse();
        }
    }

    @Test
    void forceEndsAChildThatIgnoresTheGracefulRequest() {
        try (ChildJvm child = ChildJvm.start("--ignore-term", "tcp")) {
            AtomicInteger progressCalls = new AtomicInteger();
            Termination result = impatient.terminate(Ports.target(child.pid()), List.of(), new KillOptions(false, true),
                    ForceConsent.NEVER, (t, waited, limit) -> progressCalls.incrementAndGet());

            assertThat(result).isInstanceOfSatisfying(Termination.Ended.class, e -> assertThat(e.forced()).isTrue());
            assertThat(Ports.alive(child.pid())).isFalse();
            assertThat(progressCalls.get()).as("the wait is reported while it lasts").isGreaterThan(1);
        }
    }

    @Test
    void asksBeforeForcingAndLeavesItRunningWhenTheAnswerIsNo() {
        try (ChildJvm child = ChildJvm.start("--ignore-term", "tcp")) {
            KillTarget target = Ports.target(child.pid());
            AtomicInteger asked = new AtomicInteger();
            Termination declined = impatient.terminate(target, List.of(), KillOptions.GRACEFUL, (t, running) -> {
                asked.incrementAndGet();
                assertThat(running).containsExactly(child.pid());
                return ForceConsent.Answer.LEAVE_RUNNING;
            }, KillProgress.NONE);

            assertThat(asked.get()).isEqualTo(1);
            assertThat(declined).isInstanceOf(Termination.NotEnded.class);
            assertThat(declined.message()).contains("pid " + child.pid()).contains("still running");
            assertThat(Ports.alive(child.pid())).isTrue();

            Termination agreed = impatient.terminate(target, List.of(), KillOptions.GRACEFUL,
                    (t, running) -> ForceConsent.Answer.FORCE, KillProgress.NONE);
            assertThat(agreed).isInstanceOfSatisfying(Termination.Ended.class, e -> assertThat(e.forced()).isTrue());
            assertThat(Ports.alive(child.pid())).isFalse();
        }
    }

    @Test
    void signalsNothingWhenTheStartTimeNoLongerMatches() {
        try (ChildJvm child = ChildJvm.start("tcp")) {
            KillTarget seen = Ports.target(child.pid());
            // The pid the user confirmed, but a process that started at another time: a reused pid.
            KillTarget stale = seen.withStartTime(seen.startTime().minusSeconds(5));

            Termination result = terminator.terminate(stale, List.of(), new KillOptions(true, true), (t, r) -> ForceConsent.Answer.FORCE,
                    KillProgress.NONE);

            assertThat(result).isInstanceOfSatisfying(Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(Refused.Reason.IDENTITY_CHANGED));
            assertThat(result.message()).contains("changed since you looked");
            assertThat(Ports.alive(child.pid())).as("nothing was signalled").isTrue();
            assertThat(Ports.listening(child.port())).isTrue();
        }
    }

    @Test
    void toleratesClockGranularityInTheStartTime() {
        try (ChildJvm child = ChildJvm.start("tcp")) {
            KillTarget seen = Ports.target(child.pid());
            KillTarget rounded = seen.withStartTime(seen.startTime().plusMillis(400));

            Termination result = terminator.terminate(rounded, List.of(), KillOptions.GRACEFUL, ForceConsent.NEVER,
                    KillProgress.NONE);

            assertThat(result).isInstanceOf(Termination.Ended.class);
        }
    }

    @Test
    void refusesAnUnknownStartTime() {
        try (ChildJvm child = ChildJvm.start("tcp")) {
            KillTarget withoutStart = Ports.target(child.pid()).withStartTime(null);

            assertThat(terminator.refusalFor(withoutStart)).as("refused before anyone is asked")
                    .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(Refused.Reason.IDENTITY_UNKNOWN));
            Termination result = terminator.terminate(withoutStart, List.of(), KillOptions.GRACEFUL,
                    ForceConsent.NEVER, KillProgress.NONE);

            assertThat(result).isInstanceOfSatisfying(Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(Refused.Reason.IDENTITY_UNKNOWN));
            assertThat(result.message()).startsWith("Nothing was ended: Portside could not confirm which process this is.");
            assertThat(Ports.alive(child.pid())).isTrue();
        }
    }

    @Test
    void refusesPortsideItself() {
        Termination result = terminator.terminate(Ports.target(ProcessHandle.current().pid()), List.of(),
                new KillOptions(true, true), (t, r) -> ForceConsent.Answer.FORCE, KillProgress.NONE);

        assertThat(result).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Refused.Reason.PORTSIDE_ITSELF));
    }

    @Test
    void refusesTheProcessPortsideRunsInside() {
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        Termination result = terminator.terminate(Ports.target(parent), List.of(), new KillOptions(true, true),
                (t, r) -> ForceConsent.Answer.FORCE, KillProgress.NONE);

        assertThat(result).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Refused.Reason.PORTSIDE_ANCESTOR));
        assertThat(Ports.alive(parent)).isTrue();
    }

    @Test
    void refusesPidOne() {
        KillTarget init = new KillTarget(1, Instant.EPOCH, "init", "root", "/sbin/init", 0);

        Termination result = terminator.terminate(init, List.of(), new KillOptions(true, true), (t, r) -> ForceConsent.Answer.FORCE,
                KillProgress.NONE);

        assertThat(result).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Refused.Reason.SYSTEM_PROCESS));
        assertThat(result.message()).contains("init (pid 1)");
        assertThat(Ports.alive(1)).isTrue();
    }

    @Test
    void refusesAContainersForwarderWhoseContainerWasNotNamed(@TempDir Path dir) throws Exception {
        // A real process named docker-proxy (Python started through a link of that name): reaching
        // the terminator means the container path did not name its container, and ending the
        // forwarder would leave the container running with its port broken.
        Path proxy = Files.createSymbolicLink(dir.resolve("docker-proxy"), Path.of("/usr/bin/python3"));
        Process p = new ProcessBuilder(proxy.toString(), "-c", "import time; time.sleep(60)").start();
        try {
            ProcessHandle h = p.toHandle();
            KillTarget target = new KillTarget(h.pid(), h.info().startInstant().orElseThrow(), "docker-proxy", "root",
                    proxy + " -c ...", 0);

            Termination result = terminator.terminate(target, List.of(), new KillOptions(false, true),
                    (t, r) -> ForceConsent.Answer.FORCE, KillProgress.NONE);

            assertThat(result).isInstanceOfSatisfying(Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(Refused.Reason.CONTAINER_FORWARDER));
            assertThat(result.message()).contains("docker-proxy (pid " + h.pid() + ")", "leave the container running",
                    "docker stop");
            assertThat(p.isAlive()).isTrue();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void refusesAnOwnerWithoutPid() {
        KillTarget hidden = new KillTarget(0, null, "", "", "", 0);

        assertThat(terminator.terminate(hidden, List.of(), KillOptions.GRACEFUL, ForceConsent.NEVER, KillProgress.NONE))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(Refused.Reason.NO_OWNER));
    }

    @Test
    void saysSoWhenTheProcessHasAlreadyEnded() throws Exception {
        ChildJvm child = ChildJvm.start("tcp");
        KillTarget target = Ports.target(child.pid());
        child.stop();

        assertThat(terminator.terminate(target, List.of(), KillOptions.GRACEFUL, ForceConsent.NEVER, KillProgress.NONE))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(Refused.Reason.ALREADY_ENDED));
    }

    @Test
    void permissionDeniedNamesTheOwnerAndHowToGetTheRight() {
        Instant start = Instant.parse("2026-01-01T08:00:00Z");
        ProcessHandle root = OtherUsersHandles.refusingEverySignal(4242, start, "postgres");
        // The check before said "allowed" (the process changed hands in between): the signal itself fails.
        ProcessTerminator asAlice = new ProcessTerminator(Duration.ofMillis(200),
                pid -> pid == 4242 ? Optional.of(root) : ProcessHandle.of(pid), ProcessHandle.current(), "alice",
                Endings.answering(ProcessEnding.Access.ALLOWED));

        Termination result = asAlice.terminate(new KillTarget(4242, start, "postgres", "postgres", "", 1),
                List.of(), KillOptions.GRACEFUL, ForceConsent.NEVER, KillProgress.NONE);

        assertThat(result).isInstanceOfSatisfying(Failed.class,
                f -> assertThat(f.reason()).isEqualTo(Failed.Reason.PERMISSION_DENIED));
        assertThat(result.message()).contains("postgres (pid 4242)").contains("user postgres").contains("sudo")
                .contains("administrator").doesNotContain("Exception");
    }

    @Test
    void theTreeEndsExactlyTheDescendantsListedBeforeTheConfirmationAndNoLaterOnes() throws Exception {
        try (ChildJvm parent = ChildJvm.start("--child", "--keep", "tcp")) {
            KillTarget seen = Ports.target(parent.pid());
            List<KillTarget> listed = terminator.descendantsOf(seen); // what the dialog shows
            assertThat(listed).extracting(KillTarget::pid).containsExactly(parent.grandchildPid());
            assertThat(listed.get(0).startTime()).as("each with its identity").isNotNull();
            long startedAfterwards = parent.spawn("--keep", "tcp"); // a child the user never saw

            Termination result = terminator.terminate(seen, listed, new KillOptions(true, false), ForceConsent.NEVER,
                    KillProgress.NONE);

            assertThat(result).isInstanceOfSatisfying(Termination.Ended.class, e -> assertThat(e.endedPids())
                    .containsExactly(parent.grandchildPid(), parent.pid()));
            assertThat(Ports.alive(parent.grandchildPid())).isFalse();
            assertThat(Ports.alive(startedAfterwards)).as("not in the set the user confirmed").isTrue();
        }
    }

    @Test
    void aListedChildWhosePidNowBelongsToAnotherProcessIsLeftAlone() {
        try (ChildJvm parent = ChildJvm.start("--child", "--keep", "tcp")) {
            KillTarget seen = Ports.target(parent.pid());
            KillTarget child = terminator.descendantsOf(seen).get(0);
            KillTarget reused = child.withStartTime(child.startTime().minusSeconds(30));

            Termination result = terminator.terminate(seen, List.of(reused), new KillOptions(true, false),
                    ForceConsent.NEVER, KillProgress.NONE);

            assertThat(result).isInstanceOfSatisfying(Termination.Ended.class, e -> {
                assertThat(e.endedPids()).containsExactly(parent.pid());
                assertThat(e.leftAlone()).extracting(KillTarget::pid).containsExactly(child.pid());
            });
            assertThat(Ports.alive(child.pid())).isTrue();
        }
    }

    @Test
    void nothingIsSignalledWhenOneListedChildIsOutOfReach() {
        try (ChildJvm parent = ChildJvm.start("--child", "--keep", "tcp")) {
            ProcessTerminator asAlice = new ProcessTerminator(Duration.ofSeconds(15), ProcessHandle::of,
                    ProcessHandle.current(), "alice", Endings.denying(parent.grandchildPid()));
            KillTarget seen = Ports.target(parent.pid());
            KillPlan plan = KillPlan.forSockets(parent.port(), List.of()).withTargets(List.of(seen))
                    .withTrees(Map.of(seen.pid(), asAlice.descendantsOf(seen)));

            assertThat(asAlice.checkBeforeSignalling(plan, false)).as("without the tree: allowed").isEmpty();
            Optional<KillOutcome> withTree = asAlice.checkBeforeSignalling(plan, true);

            String user = ProcessHandle.of(parent.grandchildPid()).orElseThrow().info().user().orElseThrow();
            assertThat(withTree).hasValueSatisfying(o -> assertThat(o).isInstanceOfSatisfying(Failed.class,
                    f -> assertThat(f.reason()).isEqualTo(Failed.Reason.PERMISSION_DENIED)));
            assertThat(withTree.get().message()).isEqualTo("Nothing was ended: Portside may not end java (pid "
                    + parent.grandchildPid() + "), one of the child processes of java (pid " + parent.pid()
                    + "): it belongs to the user " + user + ". To end it, run Portside as " + user
                    + ", or with sudo (Linux, macOS), or as administrator (Windows).");
            assertThat(Ports.alive(parent.pid())).isTrue();
            assertThat(Ports.alive(parent.grandchildPid())).isTrue();
        }
    }

    @Test
    void whereProcessesCannotBeAskedToCloseTheEndIsImmediateAndNeverAsksToForce() {
        ProcessTerminator windowsLike = new ProcessTerminator(Duration.ofSeconds(15), Endings.atOnce());
        try (ChildJvm child = ChildJvm.start("--ignore-term", "tcp")) {
            AtomicInteger questions = new AtomicInteger();
            List<Duration> limits = new java.util.concurrent.CopyOnWriteArrayList<>();

            Termination result = windowsLike.terminate(Ports.target(child.pid()), List.of(), KillOptions.GRACEFUL,
                    (t, r) -> {
                        questions.incrementAndGet();
                        return ForceConsent.Answer.FORCE;
                    }, (t, waited, limit) -> limits.add(limit));

            assertThat(windowsLike.canAskToClose()).isFalse();
            assertThat(result).isInstanceOfSatisfying(Termination.Ended.class,
                    e -> assertThat(e.how()).isEqualTo(Termination.How.AT_ONCE));
            assertThat(result.message()).isEqualTo("java (pid " + child.pid()
                    + ") was ended at once (Windows cannot ask a program to close first).");
            assertThat(questions.get()).isZero();
            assertThat(limits).as("no grace period was waited").containsOnly(ProcessTerminator.FORCE_WAIT);
            assertThat(Ports.alive(child.pid())).isFalse();
        }
    }

    @Test
    void aChildWhoseParentHasNotCollectedItCountsAsEnded() {
        assumeTrue(ForkingListener.available(), "needs /usr/bin/python3 for a parent that forks");
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "the zombie is seen through /proc (Linux)");
        try (ForkingListener listener = ForkingListener.start()) {
            ProcessHandle child = listener.endChildLeavingAZombie();

            assertThat(child.isAlive()).as("the JDK still calls it alive").isTrue();
            assertThat(terminator.isRunning(child)).isFalse();
        }
    }
}
