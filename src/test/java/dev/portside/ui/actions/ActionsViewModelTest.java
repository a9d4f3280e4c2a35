package dev.portside.ui.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.poll.BackgroundRunner;
import dev.portside.action.KillOptions;
import dev.portside.action.KillTarget;
import dev.portside.action.PortFreer;
import dev.portside.action.ProcessTerminator;
import dev.portside.action.UrlBuilder;
import dev.portside.core.ListeningSocket;
import dev.portside.core.Snapshot;
import dev.portside.scan.OshiPortScanner;
import dev.portside.scan.PortScanner;
import dev.portside.testing.ChildJvm;
import dev.portside.testing.FakeScanner;
import dev.portside.ui.ports.PortRowViewModel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The actions' state and commands, without a toolkit: a same-thread runner, fakes for the outside. */
class ActionsViewModelTest {

    private final SimpleObjectProperty<PortRowViewModel> selected = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>();
    private final List<String> clipboard = new ArrayList<>();
    private final List<String> opened = new ArrayList<>();
    private final AtomicInteger rescans = new AtomicInteger();
    private final ScriptedConfirmer confirmer = new ScriptedConfirmer();

    private ActionsViewModel model(PortScanner scanner, BackgroundRunner runner) {
        return model(scanner, runner, Duration.ofSeconds(15)); // the wait ends when the child does
    }

    private ActionsViewModel model(PortScanner scanner, BackgroundRunner runner, Duration grace) {
        ActionServices services = new ActionServices(
                new PortFreer(scanner, new ProcessTerminator(grace), Duration.ofSeconds(3),
                        Duration.ofMillis(200)),
                new UrlBuilder(), clipboard::add, opened::add, runner, rescans::incrementAndGet);
        return new ActionsViewModel(selected, snapshot, services, confirmer, ZoneId.of("UTC"));
    }

    private ActionsViewModel model() {
        return model(new FakeScanner(), BackgroundRunner.sameThread());
    }

    private void select(ListeningSocket s) {
        selected.set(new PortRowViewModel(s, Instant.now()));
    }

    @Test
    void withoutSelectionEverythingIsDisabledAndTheTooltipsSayWhy() {
        ActionsViewModel m = model();

        assertThat(m.killDisabledProperty().get()).isTrue();
        assertThat(m.urlDisabledProperty().get()).isTrue();
        assertThat(m.killTipProperty().get()).isEqualTo("Select a port in the table first.");
        assertThat(m.copyUrlTipProperty().get()).isEqualTo("Select a port in the table first.");
    }

    @Test
    void aHiddenOwnerCannotBeEndedAndTheTooltipSaysWhy() {
        ActionsViewModel m = model();
        select(FakeScanner.tcp("0.0.0.0", 2024, 0, ""));

        assertThat(m.killDisabledProperty().get()).isTrue();
        assertThat(m.killTipProperty().get()).contains("another user");
        assertThat(m.urlDisabledProperty().get()).as("a URL needs no owner").isFalse();
    }

    @Test
    void udpHasNoUrlAndTheTooltipSaysWhy() {
        ActionsViewModel m = model();
        select(FakeScanner.udp("127.0.0.1", 5353, 88, "mdns"));

        assertThat(m.urlDisabledProperty().get()).isTrue();
        assertThat(m.copyUrlTipProperty().get()).contains("UDP");
        assertThat(m.openTipProperty().get()).contains("UDP");
        assertThat(m.killDisabledProperty().get()).isFalse();
        m.copyUrl();
        assertThat(clipboard).isEmpty();
    }

    @Test
    void portsideItselfCannotBeEnded() {
        ActionsViewModel m = model();
        select(FakeScanner.tcp("127.0.0.1", 3000, (int) ProcessHandle.current().pid(), "java"));

        assertThat(m.killDisabledProperty().get()).isTrue();
        assertThat(m.killTipProperty().get()).contains("Portside itself");
    }

    @Test
    void theTooltipFollowsAnOwnerThatChangesInPlace() {
        ActionsViewModel m = model();
        PortRowViewModel row = new PortRowViewModel(FakeScanner.tcp("127.0.0.1", 3000, 0, ""), Instant.now());
        selected.set(row);
        assertThat(m.killDisabledProperty().get()).isTrue();

        row.update(FakeScanner.tcp("127.0.0.1", 3000, 4188, "node"));

        assertThat(m.killDisabledProperty().get()).isFalse();
        assertThat(m.killTipProperty().get()).isEqualTo("End node (pid 4188), which holds port 3000 (Delete)");
    }

    @Test
    void copiesTheUrlAddressPidAndRow() {
        ActionsViewModel m = model();
        select(FakeScanner.tcp("0.0.0.0", 3000, 4188, "node"));

        m.copyUrl();
        m.copyAddress();
        m.copyPid();
        m.copyRow();
        m.openInBrowser();

        assertThat(clipboard).containsExactly("http://127.0.0.1:3000/", "0.0.0.0:3000", "4188",
                "TCP\t0.0.0.0\t3000\tRegistered\tnode\t4188\tdev\tnode --serve");
        assertThat(opened).containsExactly("http://127.0.0.1:3000/");
        assertThat(m.lastMessageProperty().get().text()).contains("http://127.0.0.1:3000/");
    }

    @Test
    void aBadPortIsRefusedInline() {
        ActionsViewModel m = model();
        m.freePortTextProperty().set("3000abc");

        m.freeTypedPort();

        assertThat(m.freePortErrorProperty().get()).contains("\u201c3000abc\u201d is not a port number");
        assertThat(confirmer.dialogs).isEmpty();
        m.freePortTextProperty().set("3000");
        assertThat(m.freePortErrorProperty().get()).as("typing clears the message").isEmpty();
    }

    @Test
    void aPortNobodyListensOnIsReportedFree() {
        ActionsViewModel m = model();
        m.freePortTextProperty().set(":3000");

        m.freeTypedPort();

        assertThat(m.lastMessageProperty().get().text()).isEqualTo("Nothing is listening on 3000 \u2014 it is free.");
        assertThat(confirmer.dialogs).isEmpty();
        assertThat(m.isBusy()).isFalse();
    }

    @Test
    void aTypedPortOfARealChildGoesThroughTheConfirmationAndIsFreed() {
        try (ChildJvm child = ChildJvm.start("tcp"); PortScanner scanner = new OshiPortScanner()) {
            ActionsViewModel m = model(scanner, BackgroundRunner.sameThread());
            confirmer.answers.add(new KillOptions(false, false));
            m.freePortTextProperty().set(String.valueOf(child.port()));

            m.freeTypedPort();

            assertThat(confirmer.dialogs).hasSize(1);
            KillDialogViewModel dialog = confirmer.dialogs.get(0);
            assertThat(dialog.heading()).isEqualTo("End java (pid " + child.pid() + ")?");
            // Java listens dual-stack, so the address may show as ::ffff:127.0.0.1.
            assertThat(dialog.processes().get(0).ports()).startsWith("TCP ").matches("TCP \\[?(::ffff:)?127\\.0\\.0\\.1\\]?:" + child.port());
            assertThat(dialog.processes().get(0).children()).isEqualTo("none");
            assertThat(m.lastMessageProperty().get().text()).isEqualTo("Port " + child.port() + " is free.");
            assertThat(m.lastMessageProperty().get().kind()).isEqualTo(ActionMessage.Kind.SUCCESS);
            assertThat(child.process().isAlive()).isFalse();
            assertThat(rescans.get()).as("the table is refreshed at once").isEqualTo(1);
            assertThat(m.isBusy()).isFalse();
        }
    }

    @Test
    void aStubbornProcessIsForcedOnlyWhenTheUserAgreesWhenAsked() {
        try (ChildJvm child = ChildJvm.start("--ignore-term", "tcp"); PortScanner scanner = new OshiPortScanner()) {
            ActionsViewModel m = model(scanner, BackgroundRunner.sameThread(), Duration.ofMillis(1500));
            select(scanner.scan().onPort(child.port()).get(0));
            confirmer.answers.add(KillOptions.GRACEFUL);
            confirmer.forceAnswers.add(false);

            m.endSelected();

            assertThat(confirmer.forceQuestions).containsExactly(child.pid());
            assertThat(m.lastMessageProperty().get().text()).contains("still held by java (pid " + child.pid() + ")")
                    .contains("force");
            assertThat(child.process().isAlive()).isTrue();

            confirmer.answers.add(KillOptions.GRACEFUL);
            confirmer.forceAnswers.add(true);
            m.endSelected();

            assertThat(m.lastMessageProperty().get().text()).isEqualTo("Port " + child.port() + " is free.");
            assertThat(child.process().isAlive()).isFalse();
        }
    }

    @Test
    void theConfirmationSaysWhatTheProcessIsWhenItsCommandLineIsRecognised() {
        ActionsViewModel m = model();
        var next = new dev.portside.core.ProcessInfo(4188, "node", "/usr/bin/node",
                "node /home/dev/shop/node_modules/.bin/next dev --port 3000", "dev",
                Instant.parse("2026-01-01T10:00:00Z"), 4100);
        select(new ListeningSocket(dev.portside.core.Protocol.TCP, dev.portside.core.IpFamily.IPV4,
                dev.portside.core.IpAddress.IPV4_ANY, 3000, List.of(next)));

        m.endSelected(); // the scripted confirmer has no answer: the dialog stays open, nothing ends

        KillDialogViewModel.ProcessRow row = confirmer.dialogs.get(0).processes().get(0);
        assertThat(row.whatItIs()).isEqualTo("Next.js dev server");
        assertThat(row.commandLine()).contains("next dev");
        m.cancelled();
    }

    @Test
    void cancellingEndsNothingAndFreesTheButtons() {
        try (ChildJvm child = ChildJvm.start("tcp"); PortScanner scanner = new OshiPortScanner()) {
            ActionsViewModel m = model(scanner, BackgroundRunner.sameThread());
            select(scanner.scan().onPort(child.port()).get(0));

            m.endSelected();
            assertThat(m.stateProperty().get()).isEqualTo(ActionsViewModel.State.CONFIRMING);
            m.cancelled();

            assertThat(m.isBusy()).isFalse();
            assertThat(child.process().isAlive()).isTrue();
        }
    }

    @Test
    void aSecondClickWhileAKillIsInProgressDoesNothing() {
        Deque<Runnable> background = new ArrayDeque<>();
        ActionsViewModel m = model(new FakeScanner(), new BackgroundRunner(background::add, Runnable::run));
        select(FakeScanner.tcp("127.0.0.1", 3000, 4188, "node"));

        m.endSelected();
        m.endSelected();
        m.freePortTextProperty().set("3000");
        m.freeTypedPort();

        assertThat(background).as("one preparation queued, nothing else").hasSize(1);
        assertThat(m.killDisabledProperty().get()).isTrue();
        assertThat(m.killTipProperty().get()).contains("wait");
    }

    @Test
    void aRefusedTargetNeverReachesTheConfirmation() {
        ActionsViewModel m = model();
        // Portside's parent (the build tool here): refused off the FX thread, before any dialog.
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        select(new ListeningSocket(dev.portside.core.Protocol.TCP, dev.portside.core.IpFamily.IPV4,
                dev.portside.core.IpAddress.IPV4_LOOPBACK, 3000, List.of(new dev.portside.core.ProcessInfo(
                        (int) parent.pid(), "java", "", "", "", parent.info().startInstant().orElse(null), 0))));

        m.endSelected();

        assertThat(confirmer.dialogs).isEmpty();
        assertThat(m.lastMessageProperty().get().text()).contains("Portside runs inside");
        assertThat(m.isBusy()).isFalse();
    }

    /** Confirms with the queued options, or leaves the dialog "open" when there are none. */
    private static final class ScriptedConfirmer implements KillConfirmer {
        final List<KillDialogViewModel> dialogs = new ArrayList<>();
        final Deque<KillOptions> answers = new ArrayDeque<>();
        final Deque<Boolean> forceAnswers = new ArrayDeque<>();
        final List<Long> forceQuestions = new ArrayList<>();

        @Override
        public void confirmKill(KillDialogViewModel dialog, Consumer<KillOptions> onConfirm) {
            dialogs.add(dialog);
            KillOptions answer = answers.poll();
            if (answer != null) {
                onConfirm.accept(answer);
            }
        }

        @Override
        public void askForce(KillTarget target, long graceSeconds, Consumer<Boolean> answer) {
            forceQuestions.add(target.pid());
            answer.accept(Boolean.TRUE.equals(forceAnswers.poll()));
        }
    }
}
