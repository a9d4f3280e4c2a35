package dev.portside.ui.actions;

import dev.portside.action.Failed;
import dev.portside.action.ForceConsent;
import dev.portside.action.KillOptions;
import dev.portside.action.KillOutcome;
import dev.portside.action.KillPlan;
import dev.portside.action.KillProgress;
import dev.portside.action.KillTarget;
import dev.portside.action.PortInput;
import dev.portside.action.ProcessTerminator;
import dev.portside.action.Refused;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.Snapshot;
import dev.portside.knowledge.Knowledge;
import dev.portside.knowledge.LikelyOwner;
import dev.portside.knowledge.Texts;
import dev.portside.ui.ports.PortRowViewModel;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * The actions on the selected socket and on a typed port: end the owner (with confirmation), copy
 * its URL or address, open it in the browser. Holds each command's enabled state and the reason
 * when it is not, the progress of a kill and its outcome. No nodes; slow work goes through the
 * {@link dev.portside.poll.BackgroundRunner}, so tests run it on their own thread.
 */
public final class ActionsViewModel {

    /** Where a kill is: only one at a time, from the first click to the outcome. */
    public enum State {
        IDLE, PREPARING, CONFIRMING, ENDING
    }

    private final ObservableValue<PortRowViewModel> selection;
    private final ObservableValue<Snapshot> lastSnapshot;
    private final ActionServices services;
    private final ZoneId zone;
    private KillConfirmer confirmer;

    private final ReadOnlyObjectWrapper<ListeningSocket> selectedSocket = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyBooleanWrapper killDisabled = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper killTip = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper urlDisabled = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper copyUrlTip = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper openTip = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper nothingSelected = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper pidUnknown = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ActionMessage> lastMessage = new ReadOnlyObjectWrapper<>();
    private final StringProperty freePortText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper freePortError = new ReadOnlyStringWrapper("");

    private final ChangeListener<ListeningSocket> rowChanged = (o, was, now) -> selectedSocket.set(now);

    public ActionsViewModel(ObservableValue<PortRowViewModel> selection, ObservableValue<Snapshot> lastSnapshot,
            ActionServices services, KillConfirmer confirmer, ZoneId zone) {
        this.selection = Objects.requireNonNull(selection);
        this.lastSnapshot = Objects.requireNonNull(lastSnapshot);
        this.services = Objects.requireNonNull(services);
        this.confirmer = confirmer;
        this.zone = zone;
        // The row object lives as long as its socket; its owner can change in place between polls.
        selection.addListener((o, was, now) -> {
            if (was != null) {
                was.socketProperty().removeListener(rowChanged);
            }
            if (now != null) {
                now.socketProperty().addListener(rowChanged);
            }
            selectedSocket.set(now == null ? null : now.getSocket());
        });
        if (selection.getValue() != null) {
            selection.getValue().socketProperty().addListener(rowChanged);
            selectedSocket.set(selection.getValue().getSocket());
        }
        selectedSocket.addListener(o -> updateEnabled());
        state.addListener(o -> updateEnabled());
        freePortText.addListener(o -> freePortError.set(""));
        updateEnabled();
    }

    /** The view sets the dialog-backed confirmer once it has a window. */
    public void setConfirmer(KillConfirmer confirmer) {
        this.confirmer = confirmer;
    }

    // ---- Properties ----

    public ReadOnlyObjectProperty<ListeningSocket> selectedSocketProperty() {
        return selectedSocket.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** True from the click on End until the outcome: a second request does nothing meanwhile. */
    public boolean isBusy() {
        return state.get() != State.IDLE;
    }

    public ReadOnlyBooleanProperty killDisabledProperty() {
        return killDisabled.getReadOnlyProperty();
    }

    /** What the End button does, or why it cannot. */
    public ReadOnlyStringProperty killTipProperty() {
        return killTip.getReadOnlyProperty();
    }

    /** Copy URL and Open are disabled together (no selection, or UDP). */
    public ReadOnlyBooleanProperty urlDisabledProperty() {
        return urlDisabled.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty copyUrlTipProperty() {
        return copyUrlTip.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty openTipProperty() {
        return openTip.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty nothingSelectedProperty() {
        return nothingSelected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pidUnknownProperty() {
        return pidUnknown.getReadOnlyProperty();
    }

    /** 0 when idle, -1 while working without a known end, 0…1 while waiting for a process to end. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The last outcome to tell the user (a new object each time, so listeners fire for repeats). */
    public ReadOnlyObjectProperty<ActionMessage> lastMessageProperty() {
        return lastMessage.getReadOnlyProperty();
    }

    public StringProperty freePortTextProperty() {
        return freePortText;
    }

    /** Why the typed port was not accepted, or "". */
    public ReadOnlyStringProperty freePortErrorProperty() {
        return freePortError.getReadOnlyProperty();
    }

    // ---- Commands ----

    /** The URL of the selected socket, if it has one (TCP). */
    public Optional<String> selectedUrl() {
        ListeningSocket s = selectedSocket.get();
        return s == null ? Optional.empty() : services.urls().url(s);
    }

    public void copyUrl() {
        selectedUrl().ifPresent(url -> copy(url, Texts.get("action.copied.url", url)));
    }

    public void openInBrowser() {
        selectedUrl().ifPresent(url -> {
            try {
                services.browser().open(url);
                tell(Texts.get("action.opened", url), ActionMessage.Kind.INFO);
            } catch (RuntimeException e) {
                tell(Texts.get("action.open.failed", url), ActionMessage.Kind.ERROR);
            }
        });
    }

    /** {@code 127.0.0.1:3000} or {@code [::1]:3000}. */
    public void copyAddress() {
        ListeningSocket s = selectedSocket.get();
        if (s != null) {
            copy(s.endpoint(), Texts.get("action.copied.text", s.endpoint()));
        }
    }

    public void copyPid() {
        ListeningSocket s = selectedSocket.get();
        if (s != null && s.ownerPid().isPresent()) {
            String pid = String.valueOf(s.ownerPid().getAsInt());
            copy(pid, Texts.get("action.copied.text", pid));
        }
    }

    /** The row as tab-separated text (pastes into a spreadsheet or a bug report). */
    public void copyRow() {
        ListeningSocket s = selectedSocket.get();
        if (s != null) {
            copy(rowText(s), Texts.get("action.copied.row", s.endpoint()));
        }
    }

    static String rowText(ListeningSocket s) {
        ProcessInfo owner = s.owner().orElse(null);
        List<String> cells = List.of(s.protocol().label(), s.address().toString(), String.valueOf(s.port()),
                Texts.get("category." + s.category().id()),
                owner == null ? Texts.get("owner.hidden") : owner.displayName(),
                owner == null ? "" : String.valueOf(owner.pid()),
                owner == null ? "" : owner.user(),
                owner == null ? "" : owner.commandLine());
        return String.join("\t", cells);
    }

    /** End the selected socket's owner: prepares off the FX thread, then asks for confirmation. */
    public void endSelected() {
        ListeningSocket s = selectedSocket.get();
        if (s == null || killDisabled.get() || isBusy()) {
            return;
        }
        confirmAndEnd(KillPlan.forSocket(s));
    }

    /** Free the typed port: checks the text, looks who holds it, and goes to the same confirmation. */
    public void freeTypedPort() {
        PortInput.Result input = PortInput.parse(freePortText.get());
        if (input instanceof PortInput.Invalid invalid) {
            freePortError.set(""); // the same mistake twice still shows the message again
            freePortError.set(invalid.message());
            return;
        }
        if (isBusy()) {
            return;
        }
        int port = ((PortInput.Valid) input).port();
        freePortError.set("");
        state.set(State.PREPARING);
        progress.set(-1);
        progressText.set(Texts.get("action.progress.looking", String.valueOf(port)));
        services.runner().run(() -> services.freer().plan(port), plan -> {
            idle();
            if (plan.sockets().isEmpty()) {
                tellAndNotify(Texts.get("action.outcome.nobody", String.valueOf(port)), ActionMessage.Kind.INFO);
            } else if (plan.targets().isEmpty()) {
                tell(Texts.get("action.refused.hidden", String.valueOf(port)), ActionMessage.Kind.WARNING);
            } else {
                confirmAndEnd(plan);
            }
        }, this::failed);
    }

    private void confirmAndEnd(KillPlan plan) {
        state.set(State.PREPARING);
        ProcessTerminator terminator = services.freer().terminator();
        services.runner().run(() -> prepare(plan, terminator), prepared -> {
            if (prepared.refused() != null) {
                idle();
                tell(prepared.refused().message(), ActionMessage.Kind.WARNING);
                return;
            }
            if (confirmer == null) {
                idle();
                return;
            }
            state.set(State.CONFIRMING);
            KillDialogViewModel dialog = new KillDialogViewModel(prepared.plan(), prepared.childCounts(),
                    prepared.whatItIs(), lastSnapshot.getValue(), terminator.grace().toSeconds(), zone);
            // The confirmer answers now (tests), later (a dialog), or never: then it calls cancelled().
            confirmer.confirmKill(dialog, options -> end(prepared.plan(), options));
        }, this::failed);
    }

    /** The dialog was closed without confirming. */
    public void cancelled() {
        if (state.get() == State.CONFIRMING) {
            idle();
        }
    }

    private record Prepared(KillPlan plan, Map<Long, Long> childCounts, Map<Long, String> whatItIs,
            Refused refused) {
    }

    /** Off the FX thread: the safety rules, the start time when the scan had none, the child counts. */
    private static Prepared prepare(KillPlan plan, ProcessTerminator terminator) {
        List<KillTarget> targets = new ArrayList<>();
        Map<Long, Long> children = new HashMap<>();
        for (KillTarget t : plan.targets()) {
            Optional<Refused> refused = terminator.refusalFor(t);
            if (refused.isPresent()) {
                return new Prepared(plan, Map.of(), Map.of(), refused.get());
            }
            KillTarget seen = t.startTime() != null ? t
                    : terminator.startTimeOf(t.pid()).map(t::withStartTime).orElse(t);
            targets.add(seen);
            children.put(t.pid(), terminator.descendantCount(t.pid()));
        }
        return new Prepared(plan.withTargets(targets), children, whatItIs(plan), null);
    }

    /** What the knowledge recognised each target as, from its command line (guesses are left out). */
    private static Map<Long, String> whatItIs(KillPlan plan) {
        Map<Long, String> result = new HashMap<>();
        for (ListeningSocket s : plan.sockets()) {
            s.owner().ifPresent(owner -> {
                if (!result.containsKey((long) owner.pid())) {
                    try {
                        LikelyOwner likely = Knowledge.likelyOwnerOf(s);
                        if (likely.recognised()) {
                            result.put((long) owner.pid(), likely.label());
                        }
                    } catch (RuntimeException e) {
                        // The dialog works without it; the facts it shows come from the scan.
                    }
                }
            });
        }
        return result;
    }

    private void end(KillPlan plan, KillOptions options) {
        if (state.get() == State.ENDING) {
            return;
        }
        state.set(State.ENDING);
        progress.set(-1);
        progressText.set(Texts.get("action.progress.ending", plan.targets().get(0).label()));
        KillProgress onProgress = (target, waited, limit) -> {
            double fraction = limit.isZero() ? 1 : Math.min(1, (double) waited.toMillis() / limit.toMillis());
            long left = Math.max(0, limit.minus(waited).toSeconds() + 1);
            services.runner().onUi(() -> {
                if (state.get() == State.ENDING) {
                    progress.set(Math.max(0.01, fraction));
                    progressText.set(Texts.get("action.progress.waiting", target.label(), left));
                }
            });
        };
        ForceConsent consent = (target, running) -> askForce(target);
        services.runner().run(() -> services.freer().free(plan, options, consent, onProgress), outcome -> {
            idle();
            report(outcome);
            services.rescan().run();
        }, this::failed);
    }

    /** Called on the kill's background thread: asks on the FX thread and waits for the answer. */
    private boolean askForce(KillTarget target) {
        if (confirmer == null) {
            return false;
        }
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        long grace = services.freer().terminator().grace().toSeconds();
        services.runner().onUi(() -> confirmer.askForce(target, grace, answer::complete));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    private void report(KillOutcome outcome) {
        ActionMessage.Kind kind = outcome instanceof KillOutcome.Freed ? ActionMessage.Kind.SUCCESS
                : outcome instanceof Failed ? ActionMessage.Kind.ERROR : ActionMessage.Kind.WARNING;
        tell(outcome.message(), kind);
    }

    private void failed(Throwable e) {
        idle();
        String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage();
        tell(Texts.get("action.failed.error", why), ActionMessage.Kind.ERROR);
    }

    private void idle() {
        state.set(State.IDLE);
        progress.set(0);
        progressText.set("");
    }

    private void copy(String text, String confirmation) {
        services.clipboard().putText(text);
        tell(confirmation, ActionMessage.Kind.INFO);
    }

    /** Outcomes of kills and lookups are notified; clipboard and browser only go to the status bar. */
    private void tell(String text, ActionMessage.Kind kind) {
        lastMessage.set(new ActionMessage(text, kind, kind != ActionMessage.Kind.INFO));
    }

    private void tellAndNotify(String text, ActionMessage.Kind kind) {
        lastMessage.set(new ActionMessage(text, kind, true));
    }

    private void updateEnabled() {
        ListeningSocket s = selectedSocket.get();
        nothingSelected.set(s == null);
        pidUnknown.set(s == null || s.ownerHidden());
        String killReason;
        if (s == null) {
            killReason = Texts.get("action.tip.select");
        } else if (s.ownerHidden()) {
            killReason = Texts.get("action.tip.hidden");
        } else if (isBusy()) {
            killReason = Texts.get("action.tip.busy");
        } else if (s.ownerPid().getAsInt() == 1) {
            killReason = Texts.get("action.refused.system", s.owner().map(KillTarget::of).orElseThrow().label());
        } else if (s.ownerPid().getAsInt() == ProcessHandle.current().pid()) {
            killReason = Texts.get("action.refused.self");
        } else {
            killReason = null;
        }
        killDisabled.set(killReason != null);
        killTip.set(killReason != null ? killReason
                : Texts.get("action.tip.kill", KillTarget.of(s.owner().orElseThrow()).label(),
                        String.valueOf(s.port())));

        String urlReason = s == null ? Texts.get("action.tip.select")
                : s.protocol() == Protocol.UDP ? Texts.get("action.tip.udp") : null;
        urlDisabled.set(urlReason != null);
        String url = urlReason == null ? services.urls().url(s).orElse("") : "";
        copyUrlTip.set(urlReason != null ? urlReason : Texts.get("action.tip.copyUrl", url));
        openTip.set(urlReason != null ? urlReason : Texts.get("action.tip.open", url));
    }
}
