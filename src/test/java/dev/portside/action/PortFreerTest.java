package dev.portside.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portside.core.IpAddress;
import dev.portside.core.IpFamily;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.platform.ProcessEnding;
import dev.portside.scan.PortScanner;
import dev.portside.testing.ChildJvm;
import dev.portside.testing.Endings;
import dev.portside.testing.FakeScanner;
import dev.portside.testing.ForkingListener;
import dev.portside.testing.ScannerKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Freeing real ports held by real child processes, seen through each real scanner (OSHI, and on
 * Linux the production {@code LinuxPortScanner}); the watch's wording with a fake scanner.
 */
class PortFreerTest {

    /** Long enough for a child to end gracefully on a busy machine; the wait ends when it does. */
    private static PortFreer freer(PortScanner scanner) {
        return new PortFreer(scanner, new ProcessTerminator(Duration.ofSeconds(15)), Duration.ofSeconds(4),
                Duration.ofMillis(300));
    }

    /** For children that ignore the graceful request: the grace period is all waiting. */
    private static PortFreer impatient(PortScanner scanner) {
        return new PortFreer(scanner, new ProcessTerminator(Duration.ofMillis(1500)), Duration.ofSeconds(4),
                Duration.ofMillis(300));
    }

    private static KillPlan prepared(PortFreer freer, KillPlan plan) {
        Preparation p = freer.prepare(plan);
        assertThat(p).isInstanceOf(Preparation.Ready.class);
        return ((Preparation.Ready) p).plan();
    }

    @ParameterizedTest
    @EnumSource(ScannerKind.class)
    void freesThePortOfAChild(ScannerKind kind) {
        try (ChildJvm child = ChildJvm.start("tcp"); PortScanner scanner = kind.open()) {
            PortFreer freer = freer(scanner);
            KillPlan plan = prepared(freer, freer.plan(child.port()));
            assertThat(plan.targets()).extracting(KillTarget::pid).containsExactly(child.pid());

            KillOutcome outcome = freer.free(plan, KillOptions.GRACEFUL, ForceConsent.NEVER, KillProgress.NONE);

            assertThat(outcome).isInstanceOfSatisfying(KillOutcome.Freed.class,
                    f -> assertThat(f.endedPids()).containsExactly(child.pid()));
            assertThat(outcome.message()).isEqualTo("Port " + child.port() + " is free.");
            assertThat(Ports.listening(child.port())).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(ScannerKind.class)
    void theForcedPathFreesThePortOfAChildThatIgnoresTheGracefulRequest(ScannerKind kind) {
        try (ChildJvm child = ChildJvm.start("--ignore-term", "tcp"); PortScanner scanner = kind.open()) {
            PortFreer impatient = impatient(scanner);
            KillOutcome outcome = impatient.free(prepared(impatient, impatient.plan(child.port())),
                    new KillOptions(false, true), ForceConsent.NEVER, KillProgress.NONE);

            assertThat(outcome.portFree()).isTrue();
            assertThat(Ports.alive(child.pid())).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(ScannerKind.class)
    void withoutForceAStubbornChildStillHoldsThePortAndTheOutcomeSaysWho(ScannerKind kind) {
        try (ChildJvm child = ChildJvm.start("--ignore-term", "tcp"); PortScanner scanner = kind.open()) {
            PortFreer impatient = impatient(scanner);
            KillOutcome outcome = impatient.free(prepared(impatient, impatient.plan(child.port())),
                    KillOptions.GRACEFUL, ForceConsent.NEVER, KillProgress.NONE);

            assertThat(outcome).isInstanceOf(KillOutcome.StillHeld.class);
            assertThat(outcome.message()).isEqualTo("java (pid " + child.pid() + ") is still running 1 s after it"
                    + " was asked to end: choose \u201cforce\u201d to end it anyway. Port " + child.port()
                    + " is still held by java (pid " + child.pid() + ").");
            assertThat(Ports.listening(child.port())).isTrue();
        }
    }

    /**
     * Two unrelated programs listening on one port with SO_REUSEPORT: the plan holds both, the
     * default ends both, and the port is free; never "the one with the lowest pid".
     */
    @ParameterizedTest
    @EnumSource(ScannerKind.class)
    void aPortSharedByUnrelatedProcessesIsFreedByEndingEveryOneOfThem(ScannerKind kind) {
        try (ChildJvm first = ChildJvm.start("tcp-reuse:0");
                ChildJvm second = ChildJvm.start("tcp-reuse:" + first.port());
                PortScanner scanner = kind.open()) {
            PortFreer freer = freer(scanner);
            List<ListeningSocket> sockets = freer.who(first.port());
            assertThat(sockets).as("one socket key, two holders").hasSize(1);

            KillPlan plan = prepared(freer, KillPlan.forSocket(sockets.get(0)));
            assertThat(plan.owners()).extracting(KillTarget::pid).containsExactlyInAnyOrder(first.pid(), second.pid());
            assertThat(plan.targets()).extracting(KillTarget::pid)
                    .containsExactlyInAnyOrder(first.pid(), second.pid());

            KillOutcome outcome = freer.free(plan, KillOptions.GRACEFUL, ForceConsent.NEVER, KillProgress.NONE);

            assertThat(outcome.message()).isEqualTo("Port " + first.port() + " is free.");
            assertThat(Ports.alive(first.pid())).isFalse();
            assertThat(Ports.alive(second.pid())).isFalse();
        }
    }

    /** The same for UDP (5353 held by avahi and a browser is the everyday case). */
    @ParameterizedTest
    @EnumSource(ScannerKind.class)
    void aUdpPortSharedByUnrelatedProcessesIsFreedByEndingBoth(ScannerKind kind) {
        try (ChildJvm first = ChildJvm.start("udp-reuse:0");
                ChildJvm second = ChildJvm.start("udp-reuse:" + first.port());
                PortScanner scanner = kind.open()) {
            PortFreer freer = freer(scanner);
            KillPlan plan = prepared(freer, freer.plan(first.port()));
            assertThat(plan.targets()).extracting(KillTarget::pid)
                    .containsExactlyInAnyOrder(first.pid(), second.pid());

            KillOutcome outcome = freer.free(plan, KillOptions.GRACEFUL, ForceConsent.NEVER, KillProgress.NONE);

            assertThat(outcome.message()).isEqualTo("Port " + first.port() + " is free.");
            assertThat(freer.who(first.port())).isEmpty();
        }
    }

    /** One of two owners ignores the request: the outcome names what ended, what did not, and who holds the port. */
    @ParameterizedTest
    @EnumSource(ScannerKind.class)
    void whenOneOwnerDoesNotEndTheOutcomeNamesWhatEndedAndWhatDidNot(ScannerKind kind) {
        try (ChildJvm polite = ChildJvm.start("tcp-reuse:0");
                ChildJvm stubborn = ChildJvm.start("--ignore-term", "tcp-reuse:" + polite.port());
                PortScanner scanner = kind.open()) {
            PortFreer impatient = impatient(scanner);
            KillPlan plan = prepared(impatient, impatient.plan(polite.port()));

            KillOutcome outcome = impatient.free(plan, KillOptions.GRACEFUL, ForceConsent.NEVER, KillProgress.NONE);

            assertThat(outcome).isInstanceOfSatisfying(KillOutcome.StillHeld.class, h -> {
                assertThat(h.endedPids()).containsExactly(polite.pid());
                assertThat(h.holders()).extracting(ProcessInfo::pid).containsExactly((int) stubborn.pid());
            });
            assertThat(outcome.message()).isEqualTo("Ended java (pid " + polite.pid() + "). java (pid " + stubborn.pid()
                    + ") is still running 1 s after it was asked to end: choose \u201cforce\u201d to end it anyway."
                    + " Port " + polite.port() + " is still held by java (pid " + stubborn.pid() + ").");
            assertThat(Ports.alive(stubborn.pid())).isTrue();
        }
    }

    /**
     * A parent and the child it forked hold the one socket (the child inherited it). Ending only the
     * parent leaves the port held by the child, and the outcome says how to end it too; with the
     * tree option the child listed in the confirmation ends as well and the port is free.
     */
    @ParameterizedTest // OSHI keeps one pid per socket inode: it sees only one of the two holders
    @EnumSource(value = ScannerKind.class, names = "LINUX")
    void theTreeOptionMakesTheDifferenceWhenAChildHoldsTheParentsSocketToo(ScannerKind kind) {
        assumeTrue(ForkingListener.available(), "needs /usr/bin/python3 for a parent that forks");
        for (boolean tree : new boolean[] {false, true}) {
            try (ForkingListener server = ForkingListener.start(); PortScanner scanner = kind.open()) {
                PortFreer freer = freer(scanner);
                KillPlan all = freer.plan(server.port());
                assertThat(all.owners()).extracting(KillTarget::pid)
                        .containsExactlyInAnyOrder(server.parentPid(), server.childPid());
                KillPlan parentOnly = prepared(freer, all.choosing(List.of(server.parentPid())));
                assertThat(parentOnly.treeOf(server.parentPid())).extracting(KillTarget::pid)
                        .containsExactly(server.childPid());

                KillOutcome outcome = freer.free(parentOnly, new KillOptions(tree, false), ForceConsent.NEVER,
                        KillProgress.NONE);

                assertThat(Ports.alive(server.parentPid())).isFalse();
                if (tree) {
                    assertThat(outcome.message()).isEqualTo("Port " + server.port() + " is free.");
                    assertThat(Ports.alive(server.childPid())).isFalse();
                    assertThat(Ports.listening(server.port())).isFalse();
                } else {
                    assertThat(outcome).isInstanceOf(KillOutcome.StillHeld.class);
                    assertThat(outcome.message()).isEqualTo("Port " + server.port() + " is still held by python3 (pid "
                            + server.childPid() + "), started by a process you ended. To end it too, choose \u201calso"
                            + " end its child processes\u201d (--tree on the command line).");
                    assertThat(Ports.listening(server.port())).isTrue();
                }
            }
        }
    }

    @Test
    void aSignalThatFailsMidwayLeavesTheRestEndedAndTheOutcomeSaysSo() {
        // The check before said "allowed"; the signal to the second owner is refused (it changed
        // hands in between). The first still ends, and the port is watched as always.
        Instant start = Instant.parse("2026-01-01T08:00:00Z");
        try (ChildJvm child = ChildJvm.start("tcp")) {
            KillTarget real = Ports.target(child.pid());
            KillTarget postgres = new KillTarget(4242, start, "postgres", "postgres", "", 1);
            ProcessHandle refusing = OtherUsersHandles.refusingEverySignal(4242, start, "postgres");
            ProcessTerminator terminator = new ProcessTerminator(Duration.ofSeconds(15),
                    pid -> pid == 4242 ? Optional.of(refusing) : ProcessHandle.of(pid), ProcessHandle.current(),
                    "alice", Endings.answering(ProcessEnding.Access.ALLOWED));
            FakeScanner fake = new FakeScanner();
            ListeningSocket shared = new ListeningSocket(Protocol.TCP, IpFamily.IPV4, IpAddress.IPV4_LOOPBACK,
                    child.port(), List.of(info(real), info(postgres)));
            fake.set(shared);
            fake.onScan(() -> {
                if (!Ports.alive(child.pid())) {
                    fake.set(new ListeningSocket(Protocol.TCP, IpFamily.IPV4, IpAddress.IPV4_LOOPBACK, child.port(),
                            List.of(info(postgres))));
                }
            });
            PortFreer freer = new PortFreer(fake, terminator, Duration.ofSeconds(2), Duration.ZERO);

            KillOutcome outcome = freer.free(KillPlan.forSocket(shared), KillOptions.GRACEFUL, ForceConsent.NEVER,
                    KillProgress.NONE);

            assertThat(outcome.message()).isEqualTo("Ended java (pid " + child.pid() + "). Portside may not end"
                    + " postgres (pid 4242): it belongs to the user postgres. To end it, run Portside as postgres, or"
                    + " with sudo (Linux, macOS), or as administrator (Windows). Port " + child.port()
                    + " is still held by postgres (pid 4242).");
            assertThat(Ports.alive(child.pid())).isFalse();
        }
    }

    /**
     * The confirmation is built from the prediction (Linux: the kernel's rule applied to /proc); right
     * before the signal the kernel itself is asked, and a refusal there (a security module such as
     * AppArmor) ends nothing and says so in the usual words.
     */
    @Test
    void thePredictionBuildsTheQuestionTheKernelHasTheLastWord() {
        try (ChildJvm child = ChildJvm.start("tcp"); PortScanner scanner = ScannerKind.OSHI.open()) {
            PortFreer allowedThenRefused = new PortFreer(scanner, new ProcessTerminator(Duration.ofSeconds(15),
                    Endings.predicting(ProcessEnding.Access.ALLOWED, ProcessEnding.Access.DENIED)));
            PortFreer predictedDenied = new PortFreer(scanner, new ProcessTerminator(Duration.ofSeconds(15),
                    Endings.predicting(ProcessEnding.Access.DENIED, ProcessEnding.Access.ALLOWED)));
            String outOfReach = "Nothing was ended: Portside may not end java (pid " + child.pid() + "): it belongs"
                    + " to another user or to the system. To end it, run Portside as that user, or with sudo (Linux,"
                    + " macOS), or as administrator (Windows).";

            Preparation blocked = predictedDenied.prepare(predictedDenied.plan(child.port()));
            KillPlan asked = prepared(allowedThenRefused, allowedThenRefused.plan(child.port()));
            KillOutcome outcome = allowedThenRefused.free(asked, KillOptions.GRACEFUL, ForceConsent.NEVER,
                    KillProgress.NONE);

            assertThat(blocked).isInstanceOfSatisfying(Preparation.Blocked.class,
                    b -> assertThat(b.why().message()).isEqualTo(outOfReach));
            assertThat(asked.targets()).extracting(KillTarget::pid).containsExactly(child.pid());
            assertThat(outcome).isInstanceOf(Failed.class);
            assertThat(outcome.message()).isEqualTo(outOfReach);
            assertThat(child.process().isAlive()).isTrue();
        }
    }

    private static ProcessInfo info(KillTarget t) {
        return new ProcessInfo((int) t.pid(), t.name(), "", t.commandLine(), t.user(), t.startTime(),
                (int) t.parentPid());
    }

    @Test
    void refusesAPortWhoseOwnerIsHidden() {
        FakeScanner fake = new FakeScanner();
        fake.set(FakeScanner.tcp("0.0.0.0", 2024, 0, ""));
        PortFreer onFake = new PortFreer(fake, new ProcessTerminator());

        Preparation prepared = onFake.prepare(onFake.plan(2024));
        KillOutcome outcome = onFake.free(onFake.plan(2024), new KillOptions(true, true),
                (t, r) -> ForceConsent.Answer.FORCE, KillProgress.NONE);

        assertThat(prepared).isInstanceOfSatisfying(Preparation.Blocked.class,
                b -> assertThat(b.why().message()).isEqualTo(outcome.message()));
        assertThat(outcome).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Refused.Reason.NO_OWNER));
        assertThat(outcome.message()).isEqualTo(HiddenOwnerRefusal.of(onFake.plan(2024)).message());
    }

    @Test
    void theConfirmationLeavesAloneWhatMustNotEndAndSaysWhy() {
        Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
        // systemd's socket activation: pid 1 holds the socket with the service it started.
        ProcessInfo init = new ProcessInfo(1, "systemd", "", "/sbin/init", "root", t0, 0);
        ProcessInfo service = new ProcessInfo(4188, "cupsd", "", "/usr/sbin/cupsd -l", "root", t0, 1);
        ProcessInfo unknown = ProcessInfo.pidOnly(4190);
        ListeningSocket socket = new ListeningSocket(Protocol.TCP, IpFamily.IPV4, IpAddress.IPV4_LOOPBACK, 631,
                List.of(init, service, unknown));
        PortFreer onFake = new PortFreer(new FakeScanner(), new ProcessTerminator());

        Preparation prepared = onFake.prepare(KillPlan.forSocket(socket));

        assertThat(prepared).isInstanceOfSatisfying(Preparation.Ready.class, r -> {
            assertThat(r.plan().owners()).extracting(KillTarget::pid).containsExactly(1L, 4188L, 4190L);
            assertThat(r.plan().targets()).extracting(KillTarget::pid).containsExactly(4188L);
            assertThat(r.plan().leftAlone().get(1L)).startsWith("systemd (pid 1) is the system's first process");
            assertThat(r.plan().leftAlone().get(4190L)).contains("could not confirm which process this is");
        });
    }

    @Test
    void refusesBeforeSignallingAnythingWhenOneTargetIsPortsideItself() {
        try (ChildJvm child = ChildJvm.start("tcp"); PortScanner scanner = ScannerKind.OSHI.open()) {
            PortFreer freer = freer(scanner);
            KillPlan plan = freer.plan(child.port());
            KillPlan withSelf = plan.withTargets(List.of(plan.targets().get(0),
                    Ports.target(ProcessHandle.current().pid())));

            KillOutcome outcome = freer.free(withSelf, KillOptions.GRACEFUL, ForceConsent.NEVER, KillProgress.NONE);

            assertThat(outcome).isInstanceOf(Refused.class);
            assertThat(Ports.alive(child.pid())).isTrue();
        }
    }

    @Test
    void aPortThatWasLetGoOfBeforeTheEndIsReportedFreeAndNothingIsEnded() {
        FakeScanner fake = new FakeScanner(); // nothing listens any more
        PortFreer onFake = new PortFreer(fake, new ProcessTerminator());
        KillPlan plan = KillPlan.forSocket(FakeScanner.tcp("127.0.0.1", 3000, 4100, "node"));

        KillOutcome outcome = onFake.free(plan, KillOptions.GRACEFUL, ForceConsent.NEVER, KillProgress.NONE);

        assertThat(outcome).isInstanceOfSatisfying(KillOutcome.Freed.class,
                f -> assertThat(f.endedPids()).isEmpty());
        assertThat(outcome.message()).isEqualTo("Port 3000 is already free: nothing was ended.");
    }

    @Test
    void aNewOwnerWithTheSameParentIsReportedAsARestart() {
        Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
        ProcessInfo before = new ProcessInfo(4100, "node", "", "node server.js", "dev", t0, 4000);
        ProcessInfo after = new ProcessInfo(4188, "node", "", "node server.js", "dev", t0.plusSeconds(60), 4000);
        IpAddress any = IpAddress.IPV4_ANY;
        KillPlan plan = KillPlan.forSocket(new ListeningSocket(Protocol.TCP, IpFamily.IPV4, any, 3000,
                List.of(before)));
        FakeScanner fake = new FakeScanner();
        fake.set(new ListeningSocket(Protocol.TCP, IpFamily.IPV4, any, 3000, List.of(after)));
        PortFreer onFake = new PortFreer(fake, new ProcessTerminator(), Duration.ofSeconds(2), Duration.ZERO);

        KillOutcome outcome = onFake.watch(plan, Set.of(4100L), Map.of(), List.of(before));

        assertThat(outcome).isInstanceOfSatisfying(KillOutcome.StillHeld.class,
                h -> assertThat(h.heldAgain()).isTrue());
        assertThat(outcome.message())
                .isEqualTo("Port 3000 is held again by node (pid 4188) \u2014 it was restarted by its parent.");
    }

    @Test
    void aHolderThatWasAlreadyThereIsStillHeldNotHeldAgain() {
        // The row was 127.0.0.1:3000 of node; vite also listened on [::1]:3000 all along.
        ListeningSocket vite = FakeScanner.tcp("::1", 3000, 4300, "vite");
        FakeScanner fake = new FakeScanner();
        fake.set(vite);
        PortFreer onFake = new PortFreer(fake, new ProcessTerminator(), Duration.ofSeconds(1), Duration.ZERO);
        KillPlan plan = KillPlan.forSocket(FakeScanner.tcp("127.0.0.1", 3000, 4100, "node"));

        KillOutcome outcome = onFake.watch(plan, Set.of(4100L), Map.of(), vite.owners());

        assertThat(outcome).isInstanceOfSatisfying(KillOutcome.StillHeld.class,
                h -> assertThat(h.heldAgain()).isFalse());
        assertThat(outcome.message()).isEqualTo("Port 3000 is still held by vite (pid 4300).");
    }

    @Test
    void aUdpSocketOnTheSameNumberDoesNotKeepATcpPortHeld() {
        FakeScanner fake = new FakeScanner();
        fake.set(FakeScanner.udp("127.0.0.1", 3000, 77, "dns"));
        PortFreer onFake = new PortFreer(fake, new ProcessTerminator(), Duration.ofSeconds(1), Duration.ZERO);
        KillPlan plan = KillPlan.forSocket(FakeScanner.tcp("127.0.0.1", 3000, 4100, "node"));

        assertThat(onFake.watch(plan, Set.of(4100L), Map.of(), List.of()).message()).isEqualTo("Port 3000 is free.");
    }
}
