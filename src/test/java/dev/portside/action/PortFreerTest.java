package dev.portside.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.IpAddress;
import dev.portside.core.IpFamily;
import dev.portside.scan.OshiPortScanner;
import dev.portside.scan.PortScanner;
import dev.portside.testing.ChildJvm;
import dev.portside.testing.FakeScanner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Freeing real ports held by real child JVMs, seen through the real scanner. */
class PortFreerTest {

    private final PortScanner scanner = new OshiPortScanner();
    /** Long enough for a child to end gracefully on a busy machine; the wait ends when it does. */
    private final PortFreer freer = new PortFreer(scanner, new ProcessTerminator(Duration.ofSeconds(15)),
            Duration.ofSeconds(4), Duration.ofMillis(300));
    /** For children that ignore the graceful request: the grace period is all waiting. */
    private final PortFreer impatient = new PortFreer(scanner, new ProcessTerminator(Duration.ofMillis(1500)),
            Duration.ofSeconds(4), Duration.ofMillis(300));

    @AfterEach
    void closeScanner() {
        scanner.close();
    }

    @Test
    void freesThePortOfAChild() {
        try (ChildJvm child = ChildJvm.start("tcp")) {
            KillPlan plan = freer.plan(child.port());
            assertThat(plan.targets()).extracting(KillTarget::pid).containsExactly(child.pid());

            KillOutcome outcome = freer.free(plan, KillOptions.GRACEFUL, ForceConsent.NEVER, KillProgress.NONE);

            assertThat(outcome).isInstanceOf(KillOutcome.Freed.class);
            assertThat(outcome.message()).isEqualTo("Port " + child.port() + " is free.");
            assertThat(Ports.listening(child.port())).isFalse();
        }
    }

    @Test
    void theForcedPathFreesThePortOfAChildThatIgnoresTheGracefulRequest() {
        try (ChildJvm child = ChildJvm.start("--ignore-term", "tcp")) {
            KillOutcome outcome = impatient.free(impatient.plan(child.port()), new KillOptions(false, true),
                    ForceConsent.NEVER, KillProgress.NONE);

            assertThat(outcome.portFree()).isTrue();
            assertThat(Ports.alive(child.pid())).isFalse();
        }
    }

    @Test
    void withoutForceAStubbornChildStillHoldsThePortAndTheOutcomeSaysWho() {
        try (ChildJvm child = ChildJvm.start("--ignore-term", "tcp")) {
            KillOutcome outcome = impatient.free(impatient.plan(child.port()), KillOptions.GRACEFUL, ForceConsent.NEVER,
                    KillProgress.NONE);

            assertThat(outcome).isInstanceOf(KillOutcome.StillHeld.class);
            assertThat(outcome.message()).contains("still held by").contains("pid " + child.pid())
                    .contains("force");
            assertThat(Ports.listening(child.port())).isTrue();
        }
    }

    @Test
    void endingAParentWhoseChildHoldsThePortLeavesItHeldUnlessTheTreeIsChosen() {
        try (ChildJvm parent = ChildJvm.start("--child", "--keep", "tcp")) {
            int port = parent.port();
            long holder = parent.grandchildPid();
            KillPlan endTheParent = freer.plan(port).withTargets(List.of(Ports.target(parent.pid())));

            KillOutcome withoutTree = freer.free(endTheParent, KillOptions.GRACEFUL, ForceConsent.NEVER,
                    KillProgress.NONE);

            assertThat(Ports.alive(parent.pid())).isFalse();
            assertThat(withoutTree).isInstanceOfSatisfying(KillOutcome.StillHeld.class,
                    h -> assertThat(h.holders()).extracting(ProcessInfo::pid).containsExactly((int) holder));
            assertThat(withoutTree.message()).isEqualTo("Port " + port + " is still held by java (pid " + holder
                    + ").");
            assertThat(Ports.listening(port)).isTrue();
        }
        try (ChildJvm parent = ChildJvm.start("--child", "--keep", "tcp")) {
            int port = parent.port();
            KillPlan endTheParent = freer.plan(port).withTargets(List.of(Ports.target(parent.pid())));

            KillOutcome withTree = freer.free(endTheParent, new KillOptions(true, false), ForceConsent.NEVER,
                    KillProgress.NONE);

            assertThat(withTree.portFree()).isTrue();
            assertThat(withTree.message()).isEqualTo("Port " + port + " is free.");
            assertThat(Ports.alive(parent.grandchildPid())).isFalse();
            assertThat(Ports.listening(port)).isFalse();
        }
    }

    @Test
    void refusesAPortWhoseOwnerIsHidden() {
        FakeScanner fake = new FakeScanner();
        fake.set(FakeScanner.tcp("0.0.0.0", 2024, 0, ""));
        PortFreer onFake = new PortFreer(fake, new ProcessTerminator());

        KillOutcome outcome = onFake.free(onFake.plan(2024), new KillOptions(true, true), (t, r) -> true,
                KillProgress.NONE);

        assertThat(outcome).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Refused.Reason.NO_OWNER));
        assertThat(outcome.message()).contains("another user").contains("sudo");
    }

    @Test
    void refusesBeforeSignallingAnythingWhenOneTargetIsPortsideItself() {
        try (ChildJvm child = ChildJvm.start("tcp")) {
            KillPlan plan = freer.plan(child.port());
            KillPlan withSelf = plan.withTargets(List.of(plan.targets().get(0),
                    Ports.target(ProcessHandle.current().pid())));

            KillOutcome outcome = freer.free(withSelf, KillOptions.GRACEFUL, ForceConsent.NEVER, KillProgress.NONE);

            assertThat(outcome).isInstanceOf(Refused.class);
            assertThat(Ports.alive(child.pid())).isTrue();
        }
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
