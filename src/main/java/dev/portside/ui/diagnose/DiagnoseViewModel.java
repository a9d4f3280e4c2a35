package dev.portside.ui.diagnose;

import dev.portside.core.AddressScope;
import dev.portside.core.ListeningSocket;
import dev.portside.core.Printable;
import dev.portside.diagnose.Diagnose;
import dev.portside.diagnose.Diagnosis;
import dev.portside.diagnose.DiagnosisText;
import dev.portside.diagnose.FindingAction;
import dev.portside.knowledge.Texts;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The diagnosis: what the user typed or pasted, whether Portside is checking, and what it found
 * (findings with their buttons, and the facts behind them). No nodes. The check runs on the
 * services' runner (never on the FX thread); only the newest request's answer is shown.
 */
public final class DiagnoseViewModel {

    private final DiagnoseServices services;

    private final StringProperty input = new SimpleStringProperty("");
    private final BooleanProperty bindProbe = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper inputEcho = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<FindingRowViewModel> findings = FXCollections.observableArrayList();
    private final ObservableList<String> facts = FXCollections.observableArrayList();
    private final ObservableList<FindingRowViewModel> findingsView = FXCollections.unmodifiableObservableList(findings);
    private final ObservableList<String> factsView = FXCollections.unmodifiableObservableList(facts);

    private long generation;
    private String lastText = "";
    private Diagnosis last;

    public DiagnoseViewModel(DiagnoseServices services) {
        this.services = Objects.requireNonNull(services);
        // "Can my server use it?" asked or unasked: the same text checked again, with or without the bind.
        bindProbe.addListener((o, was, now) -> {
            if (shown.get() && !lastText.isBlank()) {
                check(lastText);
            }
        });
    }

    // ---- Properties ----

    /** The text in the field. */
    public StringProperty inputProperty() {
        return input;
    }

    /** Also try to listen on the port ("Can my server use it?"). */
    public BooleanProperty bindProbeProperty() {
        return bindProbe;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True from the first check until the pane is closed. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** "Port 3000: what Portside found", "Checking…", or "Portside could not read that". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The text that was checked, on one line and escaped. */
    public ReadOnlyStringProperty inputEchoProperty() {
        return inputEcho.getReadOnlyProperty();
    }

    /** Why the text could not be read (what to type instead), or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The outcome of the last button ("Copied http://…"), or "". */
    public ReadOnlyStringProperty feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    /** True when a finding is a problem. */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The findings, problems first. */
    public ObservableList<FindingRowViewModel> findings() {
        return findingsView;
    }

    /** The facts behind them: sockets, addresses tried, errno. */
    public ObservableList<String> facts() {
        return factsView;
    }

    // ---- Commands ----

    /** Checks the text in the field. */
    public void run() {
        check(input.get());
    }

    /** Puts a text in the field and checks it (a paste into the window). */
    public void runWith(String text) {
        String given = text == null ? "" : text;
        input.set(given); // a one-line field may drop the line breaks: the check reads the text as given
        check(given);
    }

    /** "Can't connect to this?" for a socket of the table: as the user would reach it. */
    public void diagnoseSocket(ListeningSocket s) {
        // localhost is what people type: it is also what shows an IPv4/IPv6 mismatch.
        runWith(s.scope() == AddressScope.INTERFACE ? s.endpoint() : "localhost:" + s.port());
    }

    /** Shows the pane with nothing checked yet (Ctrl+K in a window too narrow for the toolbar's field). */
    public void open() {
        if (!shown.get()) {
            findings.clear();
            facts.clear();
            error.set("");
            inputEcho.set("");
            title.set(Texts.get("ui.diagnose.title.ask"));
            shown.set(true);
        }
    }

    /** Hides the pane; an answer still on its way is dropped. */
    public void close() {
        generation++;
        running.set(false);
        shown.set(false);
    }

    /** A finding's button: free the port (through the kill confirmation), open or copy a URL, copy a command. */
    public void perform(FindingAction a) {
        switch (a.kind()) {
            case FREE_PORT, STOP_CONTAINER -> {
                try {
                    services.freePort().accept(Integer.parseInt(a.value()));
                    feedback.set("");
                } catch (NumberFormatException e) {
                    feedback.set(Texts.get("ui.diagnose.failed", Printable.of(a.value())));
                }
            }
            case OPEN_URL -> {
                try {
                    services.browser().open(a.value());
                    feedback.set(Texts.get("action.opened", a.value()));
                } catch (RuntimeException e) {
                    feedback.set(Texts.get("action.open.failed", a.value()));
                }
            }
            case COPY_URL, COPY_COMMAND -> copy(a.value());
        }
    }

    /** The whole diagnosis as text, for a bug report or a colleague. */
    public void copyAll() {
        if (last != null) {
            services.clipboard().putText(Texts.get("why.heading", String.valueOf(last.input().port())) + "\n\n"
                    + DiagnosisText.of(last));
            feedback.set(Texts.get("ui.diagnose.copiedAll"));
        }
    }

    private void copy(String text) {
        services.clipboard().putText(text);
        feedback.set(Texts.get("action.copied.text", text));
    }

    private void check(String text) {
        long request = ++generation;
        lastText = text == null ? "" : text;
        last = null;
        shown.set(true);
        running.set(true);
        error.set("");
        feedback.set("");
        problem.set(false);
        findings.clear();
        facts.clear();
        inputEcho.set(DiagnosisText.echo(lastText));
        title.set(Texts.get("ui.diagnose.title.running"));
        Diagnose.BindRequest bind = bindProbe.get() ? Diagnose.BindRequest.NAMED_OR_LOOPBACK : Diagnose.BindRequest.NONE;
        String checked = lastText;
        services.runner().run(() -> services.engine().run(checked, bind), outcome -> {
            if (request == generation) {
                show(outcome);
            }
        }, failure -> {
            if (request == generation) {
                running.set(false);
                title.set(Texts.get("ui.diagnose.title.unreadable"));
                error.set(Texts.get("ui.diagnose.failed", Printable.of(String.valueOf(failure.getMessage()))));
            }
        });
    }

    private void show(Diagnose.Outcome outcome) {
        running.set(false);
        if (outcome instanceof Diagnose.NotRead n) {
            title.set(Texts.get("ui.diagnose.title.unreadable"));
            error.set(n.message());
            return;
        }
        Diagnosis d = ((Diagnose.Diagnosed) outcome).diagnosis();
        last = d;
        title.set(Texts.get("ui.diagnose.title", String.valueOf(d.input().port())));
        problem.set(d.problem());
        findings.setAll(d.findings().stream().map(FindingRowViewModel::new).toList());
        facts.setAll(d.factLines());
    }
}
