package dev.portside.ui.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.poll.BackgroundRunner;
import dev.portside.action.HiddenOwnerRefusal;
import dev.portside.action.KillOptions;
import dev.portside.action.KillTarget;
import dev.portside.action.PortFreer;
import dev.portside.action.ProcessTerminator;
import dev.portside.action.UrlBuilder;
import dev.portside.action.PortsCheck;
import dev.portside.core.IpAddress;
import dev.portside.core.IpFamily;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.Snapshot;
import dev.portside.scan.OshiPortScanner;
import dev.portside.scan.PortScanner;
import dev.portside.testing.ChildJvm;
import dev.portside.testing.Endings;
import dev.portside.testing.FakeScanner;
import dev.portside.testing.MutableClock;
import dev.portside.testing.ScannerKind;
import dev.portside.ui.ports.PortRowViewModel;
import dev.portside.ui.ports.PortsViewModel;
import dev.portside.ui.ports.RowState;
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
import javafx.beans.value.ObservableValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
        return model(scanner, runner, new ProcessTerminator(grace), KillFlow.FORCE_QUESTION_LIMIT);
    }

    private ActionsViewModel model(PortScanner scanner, BackgroundRunner runner, ProcessTerminator terminator,
            Duration forceQuestionLimit) {
        return model(selected, scanner, runner, terminator, forceQuestionLimit);
    }

    private ActionsViewModel model(ObservableValue<PortRowViewModel> selection, PortScanner scanner,
            BackgroundRunner runner, ProcessTerminator terminator, Duration forceQuestionLimit) {
        ActionServices services = new ActionServices(
                new PortFreer(scanner, terminator, Duration.ofSeconds(3), Duration.ofMillis(200)),
                new UrlBuilder(), clipboard::add, opened::add, runner, rescans::incrementAndGet);
        return new ActionsViewModel(selection, snapshot, services, confirmer, ZoneId.of("UTC"), forceQuestionLimit);
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
        assertThat(m.killTipProperty().get()).isEqualTo(HiddenOwnerRefusal.tip(FakeScanner.tcp("0.0.0.0", 2024, 0, "")));
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
        var next = new ProcessInfo(4188, "node", "/usr/bin/node",
                "node /home/dev/shop/node_modules/.bin/next dev --port 3000", "dev",
                Instant.parse("2026-01-01T10:00:00Z"), 4100);
        select(new ListeningSocket(Protocol.TCP, IpFamily.IPV4, IpAddress.IPV4_ANY, 3000, List.of(next)));

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
            assertThat(m.stateProperty().get()).isEqualTo(KillFlow.State.CONFIRMING);
            m.cancelled();

            assertThat(m.isBusy()).isFalse();
            assertThat(child.process().isAlive()).isTrue();
        }
    }

    @Test
    void aSecondClickWhileAKillIsInProgressDoesNothing() {
        Deque<Runnable> background = new ArrayDeque<>();
        ActionsViewModel m = model(new FakeScanner(), new BackgroundRunner(background::add, Runnable::run));
        background.poll().run(); // the start-up work (Portside's ancestors, read once)
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
        // Portside's parent (the build tool here): the terminator's rule, asked for the button and again
        // off the FX thread before any dialog (a typed port has no button).
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        ListeningSocket socket = new ListeningSocket(Protocol.TCP, IpFamily.IPV4, IpAddress.IPV4_LOOPBACK, 3000,
                List.of(new ProcessInfo((int) parent.pid(), "java", "", "", "", parent.info().startInstant()
                        .orElse(null), 0)));
        FakeScanner fake = new FakeScanner();
        fake.set(socket);
        ActionsViewModel m = model(fake, BackgroundRunner.sameThread());
        select(socket);
        assertThat(m.killDisabledProperty().get()).isTrue();
        assertThat(m.killTipProperty().get()).contains("Portside runs inside");

        m.freePortTextProperty().set("3000");
        m.freeTypedPort();

        assertThat(confirmer.dialogs).isEmpty();
        assertThat(m.lastMessageProperty().get().text()).contains("Portside runs inside");
        assertThat(m.isBusy()).isFalse();
    }

    @Test
    void aRowWhoseScanHadNoStartTimeIsRefusedAsTheCommandLineRefusesIt() {
        try (ChildJvm child = ChildJvm.start("tcp")) {
            ActionsViewModel m = model();
            // The scan saw the pid but could not read the process (it was starting, or not ours to read).
            select(new ListeningSocket(Protocol.TCP, IpFamily.IPV4, IpAddress.IPV4_LOOPBACK, child.port(),
                    List.of(ProcessInfo.pidOnly((int) child.pid()))));

            assertThat(m.killDisabledProperty().get()).isTrue();
            assertThat(m.killTipProperty().get()).startsWith("Nothing was ended: Portside could not confirm which"
                    + " process this is. The scan could not read when pid " + child.pid() + " started");
            m.endSelected();

            assertThat(confirmer.dialogs).as("not confirmed against a start time read at the click").isEmpty();
            assertThat(child.process().isAlive()).isTrue();
        }
    }

    @Test
    void theTipNamesTheOwnersEndWouldEndNotPidOneBesideThem() {
        Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
        ActionsViewModel m = model();
        // systemd's socket activation: pid 1 holds the socket with the service it started.
        select(new ListeningSocket(Protocol.TCP, IpFamily.IPV4, IpAddress.IPV4_LOOPBACK, 631, List.of(
                new ProcessInfo(1, "systemd", "", "/sbin/init", "root", t0, 0),
                new ProcessInfo(4188, "cupsd", "", "/usr/sbin/cupsd -l", "root", t0, 1))));

        assertThat(m.killDisabledProperty().get()).isFalse();
        assertThat(m.killTipProperty().get()).isEqualTo("End cupsd (pid 4188), which holds port 631 (Delete)");
    }

    @Test
    void aTypedPortWhoseOwnerHasNoStartTimeIsRefusedBeforeAnyDialog() {
        FakeScanner fake = new FakeScanner();
        fake.set(new ListeningSocket(Protocol.TCP, IpFamily.IPV4, IpAddress.IPV4_LOOPBACK, 3000,
                List.of(ProcessInfo.pidOnly(4188))));
        ActionsViewModel m = model(fake, BackgroundRunner.sameThread());
        m.freePortTextProperty().set("3000");

        m.freeTypedPort();

        assertThat(confirmer.dialogs).isEmpty();
        assertThat(m.lastMessageProperty().get().text())
                .startsWith("Nothing was ended: Portside could not confirm which process this is.");
        assertThat(m.isBusy()).isFalse();
    }

    @Test
    void aSocketSharedByTwoProgramsListsBothAndEndsBothUnlessTheUserLeavesOneRunning() {
        Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
        ProcessInfo avahi = new ProcessInfo(612, "avahi-daemon", "/usr/sbin/avahi-daemon", "avahi-daemon: running",
                "avahi", t0, 1);
        ProcessInfo browser = new ProcessInfo(4188, "chrome", "/opt/google/chrome/chrome", "chrome --type=utility",
                "dev", t0, 4000);
        ActionsViewModel m = model();
        select(new ListeningSocket(Protocol.UDP, IpFamily.IPV4, IpAddress.IPV4_ANY, 5353, List.of(avahi, browser)));
        assertThat(m.killTipProperty().get())
                .isEqualTo("End avahi-daemon (pid 612) and the other process that holds port 5353 (Delete)");

        m.endSelected(); // no answer queued: the dialog stays open

        KillDialogViewModel d = confirmer.dialogs.get(0);
        assertThat(d.processes()).extracting(KillDialogViewModel.ProcessRow::label)
                .containsExactly("avahi-daemon (pid 612)", "chrome (pid 4188)");
        assertThat(d.offersChoice()).isTrue();
        assertThat(d.heading()).isEqualTo("End 2 processes that hold port 5353?");
        assertThat(d.chosenPlan().targets()).extracting(KillTarget::pid).containsExactly(612L, 4188L);
        assertThat(d.keptProperty().get()).isEmpty();

        d.chosenProperty(612).set(false);

        assertThat(d.heading()).isEqualTo("End chrome (pid 4188)?");
        assertThat(d.confirmText()).isEqualTo("End process");
        assertThat(d.keptProperty().get()).isEqualTo("avahi-daemon (pid 612) also holds port 5353 and will not be"
                + " ended, so the port stays in use.");
        assertThat(d.chosenPlan().targets()).extracting(KillTarget::pid).containsExactly(4188L);
        d.chosenProperty(4188).set(false);
        assertThat(d.nothingChosenProperty().get()).isTrue();
        m.cancelled();
    }

    @ParameterizedTest
    @EnumSource(ScannerKind.class)
    void endingARowThatTwoUnrelatedListenersShareEndsBothAndFreesThePort(ScannerKind kind) {
        try (ChildJvm first = ChildJvm.start("tcp-reuse:0");
                ChildJvm second = ChildJvm.start("tcp-reuse:" + first.port());
                PortScanner scanner = kind.open()) {
            ActionsViewModel m = model(scanner, BackgroundRunner.sameThread());
            select(scanner.scan().onPort(first.port()).get(0));
            confirmer.answers.add(KillOptions.GRACEFUL);

            m.endSelected();

            assertThat(confirmer.dialogs.get(0).processes()).extracting(KillDialogViewModel.ProcessRow::pid)
                    .containsExactlyInAnyOrder(first.pid(), second.pid());
            assertThat(m.lastMessageProperty().get().text()).isEqualTo("Port " + first.port() + " is free.");
            assertThat(first.process().isAlive()).isFalse();
            assertThat(second.process().isAlive()).isFalse();
        }
    }

    @Test
    void theTreeChoiceEndsTheChildProcessesTheDialogListedAndNoneStartedAfterwards() throws Exception {
        try (ChildJvm parent = ChildJvm.start("tcp", "--also-child", "--keep", "tcp");
                PortScanner scanner = new OshiPortScanner()) {
            ActionsViewModel m = model(scanner, BackgroundRunner.sameThread());
            select(scanner.scan().onPort(parent.port()).get(0));
            m.endSelected();
            KillDialogViewModel d = confirmer.dialogs.get(0);
            assertThat(d.processes().get(0).children()).isEqualTo("java (pid " + parent.grandchildPid() + ")");
            assertThat(d.treeText()).startsWith("Also end the child processes listed (1 process)");

            long afterTheDialogOpened = parent.spawn("--keep", "tcp");
            confirmer.confirmOpenDialog(new KillOptions(true, false));

            assertThat(m.lastMessageProperty().get().text()).isEqualTo("Port " + parent.port() + " is free.");
            assertThat(PortsCheck.alive(parent.pid())).isFalse();
            assertThat(PortsCheck.alive(parent.grandchildPid())).isFalse();
            assertThat(PortsCheck.alive(afterTheDialogOpened)).as("never listed, never signalled").isTrue();
        }
    }

    @Test
    void anUnansweredForceQuestionIsClosedAfterItsTimeAndTheProcessLeftRunning() {
        try (ChildJvm child = ChildJvm.start("--ignore-term", "tcp"); PortScanner scanner = new OshiPortScanner()) {
            ActionsViewModel m = model(scanner, BackgroundRunner.sameThread(),
                    new ProcessTerminator(Duration.ofMillis(1500)), Duration.ofMillis(300));
            select(scanner.scan().onPort(child.port()).get(0));
            confirmer.answers.add(KillOptions.GRACEFUL); // and no answer to "end by force?"

            m.endSelected();

            assertThat(confirmer.forceQuestions).containsExactly(child.pid());
            assertThat(confirmer.questionsClosed.get()).as("the question was closed, not left behind").isEqualTo(1);
            assertThat(m.lastMessageProperty().get().text()).isEqualTo("java (pid " + child.pid() + ") is still"
                    + " running 1 s after it was asked to end. Nobody answered whether to end it by force, so"
                    + " Portside closed the question after a while and left it running. Port " + child.port()
                    + " is still held by java (pid " + child.pid() + ").");
            assertThat(child.process().isAlive()).isTrue();
            assertThat(m.isBusy()).isFalse();
        }
    }

    @Test
    void whereProcessesEndAtOnceTheDialogSaysSoAndThereIsNoForceStep() {
        try (ChildJvm child = ChildJvm.start("--ignore-term", "tcp"); PortScanner scanner = new OshiPortScanner()) {
            ActionsViewModel m = model(scanner, BackgroundRunner.sameThread(),
                    new ProcessTerminator(Duration.ofSeconds(15), Endings.atOnce()), KillFlow.FORCE_QUESTION_LIMIT);
            select(scanner.scan().onPort(child.port()).get(0));
            confirmer.answers.add(new KillOptions(false, true)); // even a stale "force" changes nothing

            m.endSelected();

            KillDialogViewModel d = confirmer.dialogs.get(0);
            assertThat(d.forceOffered()).isFalse();
            assertThat(d.options().force()).isFalse();
            assertThat(d.explanation()).isEqualTo("Portside will end it at once, which frees port " + child.port()
                    + ": Windows cannot ask a program to close first. Unsaved work will be lost.");
            assertThat(confirmer.forceQuestions).isEmpty();
            assertThat(m.lastMessageProperty().get().text()).isEqualTo("Port " + child.port() + " is free.")
                    .doesNotContainIgnoringCase("graceful");
            assertThat(child.process().isAlive()).isFalse();
        }
    }

    @Test
    void aRowThatLingersAfterItsSocketClosedOffersNothingThatActsOnTheSocket() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:41:00Z"));
        PortsViewModel ports = new PortsViewModel(clock);
        ActionsViewModel m = model(ports.selectedProperty(), new FakeScanner(), BackgroundRunner.sameThread(),
                new ProcessTerminator(), KillFlow.FORCE_QUESTION_LIMIT);
        ListeningSocket node = FakeScanner.tcp("127.0.0.1", 3000, 4188, "node");
        ports.apply(new Snapshot(clock.instant(), Duration.ZERO, List.of(node), "test"));
        ports.selectedProperty().set(ports.row(node.key()));
        assertThat(m.killDisabledProperty().get()).isFalse();
        assertThat(m.urlDisabledProperty().get()).isFalse();

        clock.advanceSeconds(2);
        ports.apply(new Snapshot(clock.instant(), Duration.ZERO, List.of(), "test")); // ended from a terminal

        assertThat(ports.selectedProperty().get().getState()).isEqualTo(RowState.CLOSING);
        assertThat(m.killDisabledProperty().get()).isTrue();
        assertThat(m.killTipProperty().get()).isEqualTo("This socket closed at 10:41:02: its process no longer"
                + " holds it, so there is nothing to end.");
        assertThat(m.urlDisabledProperty().get()).isTrue();
        assertThat(m.copyUrlTipProperty().get()).isEqualTo("This socket closed at 10:41:02: there is nothing to"
                + " connect to.");
        assertThat(m.openTipProperty().get()).isEqualTo(m.copyUrlTipProperty().get());
        m.endSelected();
        m.copyUrl();
        m.openInBrowser();
        assertThat(confirmer.dialogs).isEmpty();
        assertThat(clipboard).isEmpty();
        assertThat(opened).isEmpty();
        assertThat(m.selectedUrl()).isEmpty();
    }

    /** Confirms with the queued options, or leaves the dialog "open" when there are none. */
    private static final class ScriptedConfirmer implements KillConfirmer {
        final List<KillDialogViewModel> dialogs = new ArrayList<>();
        final Deque<KillOptions> answers = new ArrayDeque<>();
        final Deque<Boolean> forceAnswers = new ArrayDeque<>();
        final List<Long> forceQuestions = new ArrayList<>();
        final AtomicInteger questionsClosed = new AtomicInteger();
        private Consumer<KillOptions> open;

        @Override
        public void confirmKill(KillDialogViewModel dialog, Consumer<KillOptions> onConfirm) {
            dialogs.add(dialog);
            KillOptions answer = answers.poll();
            if (answer != null) {
                onConfirm.accept(answer);
            } else {
                open = onConfirm;
            }
        }

        /** The user confirms the dialog that is open. */
        void confirmOpenDialog(KillOptions options) {
            open.accept(options);
        }

        @Override
        public Runnable askForce(KillTarget target, long graceSeconds, Consumer<Boolean> answer) {
            forceQuestions.add(target.pid());
            Boolean given = forceAnswers.poll();
            if (given != null) { // none queued: the question stays open, unanswered
                answer.accept(given);
            }
            return questionsClosed::incrementAndGet;
        }
    }
}
