package dev.portside.ui.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.diagnose.ConnectAttempt;
import dev.portside.diagnose.Diagnose;
import dev.portside.diagnose.Diagnoser;
import dev.portside.diagnose.DiagnosisInput;
import dev.portside.diagnose.Errno;
import dev.portside.diagnose.Facts;
import dev.portside.diagnose.FindingAction;
import dev.portside.diagnose.InputReader;
import dev.portside.diagnose.PortRules;
import dev.portside.knowledge.Knowledge;
import dev.portside.platform.OsFamily;
import dev.portside.poll.BackgroundRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pane's state without a toolkit: a fake engine (real rules on facts written down), the work on this thread. */
class DiagnoseViewModelTest {

    private static final PortRules RULES = new PortRules(OsFamily.LINUX, 1024, false, "dev");
    private static final IpAddress V4 = IpAddress.IPV4_LOOPBACK;

    private final List<String> asked = new ArrayList<>();
    private final List<Diagnose.BindRequest> binds = new ArrayList<>();
    private final List<Integer> freed = new ArrayList<>();
    private final List<String> opened = new ArrayList<>();
    private final List<String> copied = new ArrayList<>();
    private final List<Runnable> pending = new ArrayList<>();
    private boolean deferred;

    /** A listener on 127.0.0.1:3000 that answers; nothing elsewhere. */
    private Diagnose.Outcome engine(String text, Diagnose.BindRequest bind) {
        asked.add(text);
        binds.add(bind);
        InputReader.Result r = InputReader.read(text);
        if (r instanceof InputReader.Unreadable u) {
            return new Diagnose.NotRead(u.text(), u.message());
        }
        DiagnosisInput in = ((InputReader.Readable) r).input();
        Facts.Builder f = Facts.builder(RULES);
        if (in.port() == 3000) {
            f.socket(new ListeningSocket(Protocol.TCP, V4.family(), V4, 3000, List.of(new ProcessInfo(4121, "node",
                    "/usr/bin/node", "node server.js", "dev", null, 1))));
            f.attempt(new ConnectAttempt(V4, 3000, ConnectAttempt.Outcome.CONNECTED, Errno.OTHER, "", 0));
        } else {
            f.attempt(new ConnectAttempt(V4, in.port(), ConnectAttempt.Outcome.REFUSED, Errno.ECONNREFUSED, "", 0));
        }
        return new Diagnose.Diagnosed(new Diagnoser(Knowledge.shared()).diagnose(in, f.build()));
    }

    private DiagnoseViewModel model() {
        BackgroundRunner runner = new BackgroundRunner(task -> {
            if (deferred) {
                pending.add(task);
            } else {
                task.run();
            }
        }, Runnable::run);
        return new DiagnoseViewModel(new DiagnoseServices(this::engine, runner, copied::add, opened::add, freed::add));
    }

    @Test
    void aCheckShowsTheFindingsAndTheFacts() {
        DiagnoseViewModel m = model();
        assertThat(m.shownProperty().get()).isFalse();
        m.inputProperty().set("3000");
        m.run();
        assertThat(m.shownProperty().get()).isTrue();
        assertThat(m.runningProperty().get()).isFalse();
        assertThat(m.titleProperty().get()).isEqualTo("Port 3000: what Portside found");
        assertThat(m.findings()).extracting(FindingRowViewModel::code).containsExactly("listening");
        assertThat(m.findings().get(0).severityText()).isEqualTo("OK");
        assertThat(m.findings().get(0).action()).startsWith("What to do: Open http://127.0.0.1:3000/");
        assertThat(m.facts()).isNotEmpty().first().asString().startsWith("Read: port 3000");
        assertThat(m.problemProperty().get()).isFalse();
        assertThat(binds).containsExactly(Diagnose.BindRequest.NONE);
    }

    @Test
    void whileCheckingItSaysSoAndOnlyTheNewestAnswerIsShown() {
        DiagnoseViewModel m = model();
        deferred = true;
        m.runWith("3000");
        assertThat(m.runningProperty().get()).isTrue();
        assertThat(m.titleProperty().get()).isEqualTo("Checking\u2026");
        m.runWith("Error: connect ECONNREFUSED 127.0.0.1:4000");
        pending.get(1).run(); // the newer answer first
        pending.get(0).run(); // then the older one, which must not replace it
        assertThat(m.titleProperty().get()).isEqualTo("Port 4000: what Portside found");
        assertThat(m.findings()).extracting(FindingRowViewModel::code).containsExactly("nothing-listening");
        assertThat(m.problemProperty().get()).isTrue();
    }

    @Test
    void aTextWithoutAPortSaysWhatToTypeInstead() {
        DiagnoseViewModel m = model();
        m.runWith("OSError: [Errno 98] Address already in use");
        assertThat(m.titleProperty().get()).isEqualTo("Portside could not read that");
        assertThat(m.errorProperty().get()).contains("names no port").contains("Type the port");
        assertThat(m.findings()).isEmpty();
    }

    @Test
    void aPastedMessageIsCheckedAsGivenLineBreaksIncluded() {
        DiagnoseViewModel m = model();
        String log = "node:events:502\n      throw er;\n\nError: listen EADDRINUSE: address already in use :::3000\n";
        m.runWith(log);
        assertThat(asked).containsExactly(log);
        assertThat(m.inputEchoProperty().get()).contains("\\n").doesNotContain("\n"); // one escaped line
    }

    @Test
    void canMyServerUseItChecksAgainWithABind() {
        DiagnoseViewModel m = model();
        m.runWith("3001");
        m.bindProbeProperty().set(true);
        assertThat(asked).containsExactly("3001", "3001");
        assertThat(binds).containsExactly(Diagnose.BindRequest.NONE, Diagnose.BindRequest.NAMED_OR_LOOPBACK);
    }

    @Test
    void buttonsFreeThroughTheHookOpenAndCopy() {
        DiagnoseViewModel m = model();
        m.runWith("3000");
        List<FindingAction> actions = m.findings().get(0).actions();
        assertThat(actions).extracting(FindingRowViewModel::label)
                .containsExactly("Free port 3000\u2026", "Open http://127.0.0.1:3000/", "Copy URL");
        m.perform(actions.get(0));
        assertThat(freed).containsExactly(3000); // to the kill confirmation, nothing ended here
        m.perform(actions.get(1));
        assertThat(opened).containsExactly("http://127.0.0.1:3000/");
        m.perform(actions.get(2));
        assertThat(copied).containsExactly("http://127.0.0.1:3000/");
        assertThat(m.feedbackProperty().get()).isEqualTo("Copied http://127.0.0.1:3000/");
        m.copyAll();
        assertThat(copied.get(1)).startsWith("Port 3000\n\nOK (listening):").contains("What Portside saw:");
    }

    @Test
    void stoppingAContainerGoesThroughTheSameConfirmation() {
        DiagnoseViewModel m = model();
        FindingAction stop = new FindingAction(FindingAction.Kind.STOP_CONTAINER, "8080", "web");
        assertThat(FindingRowViewModel.label(stop)).isEqualTo("Stop container web\u2026");
        m.perform(stop);
        assertThat(freed).containsExactly(8080);
    }

    @Test
    void aSocketOfTheTableIsCheckedAsTheUserReachesIt() {
        DiagnoseViewModel m = model();
        m.diagnoseSocket(new ListeningSocket(Protocol.TCP, IpAddress.IPV6_LOOPBACK.family(), IpAddress.IPV6_LOOPBACK, 5173,
                List.of()));
        IpAddress lan = IpAddress.parse("192.168.1.5");
        m.diagnoseSocket(new ListeningSocket(Protocol.TCP, lan.family(), lan, 8080, List.of()));
        assertThat(asked).containsExactly("localhost:5173", "192.168.1.5:8080");
    }

    @Test
    void closingDropsAnAnswerStillOnItsWay() {
        DiagnoseViewModel m = model();
        deferred = true;
        m.runWith("3000");
        m.close();
        pending.get(0).run();
        assertThat(m.shownProperty().get()).isFalse();
        assertThat(m.findings()).isEmpty();
        assertThat(m.runningProperty().get()).isFalse();
    }

    @Test
    void openingAnEmptyPaneAsksWhatToCheck() {
        DiagnoseViewModel m = model();
        m.open();
        assertThat(m.shownProperty().get()).isTrue();
        assertThat(m.titleProperty().get()).isEqualTo("Why can't I connect? Why is it in use?");
        assertThat(asked).isEmpty();
    }

    @Test
    void aFailureOfTheCheckItselfIsSaidInWords() {
        BackgroundRunner runner = BackgroundRunner.sameThread();
        DiagnoseViewModel m = new DiagnoseViewModel(new DiagnoseServices((t, b) -> {
            throw new IllegalStateException("boom\u001b[2J");
        }, runner, copied::add, opened::add, freed::add));
        m.runWith("3000");
        assertThat(m.runningProperty().get()).isFalse();
        assertThat(m.errorProperty().get()).isEqualTo("The check failed: boom\\x1b[2J");
    }
}
