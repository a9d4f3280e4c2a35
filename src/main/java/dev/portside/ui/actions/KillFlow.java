package dev.portside.ui.actions;

import dev.portside.action.Failed;
import dev.portside.action.ForceConsent;
import dev.portside.action.KillOptions;
import dev.portside.action.KillOutcome;
import dev.portside.action.KillPlan;
import dev.portside.action.KillProgress;
import dev.portside.action.KillTarget;
import dev.portside.action.Preparation;
import dev.portside.core.ListeningSocket;
import dev.portside.core.Printable;
import dev.portside.core.Snapshot;
import dev.portside.knowledge.Knowledge;
import dev.portside.knowledge.LikelyOwner;
import dev.portside.knowledge.Texts;
import dev.portside.owner.Container;
import dev.portside.owner.ContainerEngine;
import dev.portside.owner.ContainerStopper;
import dev.portside.owner.OwnerFacts;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * One kill, from the click to the outcome: check the plan off the FX thread
 * ({@link dev.portside.action.PortFreer#prepare}, the same check the command line makes), show the
 * confirmation, end exactly what was confirmed, ask "end by force?" from the kill's thread (with a
 * time limit), watch the port, tell the outcome, and ask the table for a fresh scan. Only one at a
 * time. No nodes: the {@link KillConfirmer} shows the dialogs; tests script it.
 */
public final class KillFlow {

    /** Where a kill is: only one at a time, from the first click to the outcome. */
    public enum State {
        IDLE, PREPARING, CONFIRMING, ENDING
    }

    /** How long "end by force?" waits for an answer before it closes and the process is left running. */
    public static final Duration FORCE_QUESTION_LIMIT = Duration.ofSeconds(60);

    private final ActionServices services;
    private final ObservableValue<Snapshot> lastSnapshot;
    private final ZoneId zone;
    private final Consumer<ActionMessage> tell;
    private final Duration forceQuestionLimit;
    private KillConfirmer confirmer;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");

    /**
     * @param lastSnapshot the table's last snapshot (for every port each process holds)
     * @param tell where outcomes go (the status bar and a notification)
     */
    public KillFlow(ActionServices services, ObservableValue<Snapshot> lastSnapshot, ZoneId zone,
            Consumer<ActionMessage> tell, Duration forceQuestionLimit) {
        this.services = Objects.requireNonNull(services);
        this.lastSnapshot = Objects.requireNonNull(lastSnapshot);
        this.zone = Objects.requireNonNull(zone);
        this.tell = Objects.requireNonNull(tell);
        this.forceQuestionLimit = Objects.requireNonNull(forceQuestionLimit);
    }

    public void setConfirmer(KillConfirmer confirmer) {
        this.confirmer = confirmer;
    }

    // ---- Properties ----

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** True from the click on End until the outcome: a second request does nothing meanwhile. */
    public boolean isBusy() {
        return state.get() != State.IDLE;
    }

    /** 0 when idle, -1 while working without a known end, 0…1 while waiting for a process to end. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    // ---- Commands ----

    /** Ends the owners of one socket (the selected row), after the confirmation. */
    public void endOwnersOf(ListeningSocket socket) {
        if (!isBusy()) {
            confirmAndEnd(KillPlan.forSocket(socket));
        }
    }

    /** Looks who holds a port (a fresh scan) and goes to the same confirmation. */
    public void freePort(int port) {
        if (isBusy()) {
            return;
        }
        working(Texts.get("action.progress.looking", String.valueOf(port)));
        services.runner().run(() -> services.freer().plan(port), plan -> {
            if (plan.sockets().isEmpty()) {
                idle();
                tell.accept(new ActionMessage(Texts.get("action.outcome.nobody", String.valueOf(port)),
                        ActionMessage.Kind.INFO, true));
            } else {
                confirmAndEnd(plan);
            }
        }, this::failed);
    }

    /** The dialog was closed without confirming. */
    public void cancelled() {
        if (state.get() == State.CONFIRMING) {
            idle();
        }
    }

    private void confirmAndEnd(KillPlan plan) {
        state.set(State.PREPARING);
        services.runner().run(() -> prepare(plan), prepared -> {
            if (prepared.container() != null) {
                // A container's port: stop the container, never its port forwarder (even when hidden).
                confirmContainerStop(prepared.container());
                return;
            }
            if (prepared.preparation() instanceof Preparation.Blocked blocked) {
                idle();
                tell.accept(new ActionMessage(blocked.why().message(), blocked.why() instanceof Failed
                        ? ActionMessage.Kind.ERROR : ActionMessage.Kind.WARNING, true));
                return;
            }
            if (confirmer == null) {
                idle();
                return;
            }
            KillPlan ready = ((Preparation.Ready) prepared.preparation()).plan();
            idle(State.CONFIRMING);
            KillDialogViewModel dialog = new KillDialogViewModel(ready, prepared.whatItIs(), lastSnapshot.getValue(),
                    services.freer().terminator().grace().toSeconds(),
                    services.freer().terminator().canAskToClose(), zone);
            dialog.setServiceAdvice(prepared.serviceAdvice());
            // The confirmer answers now (tests), later (a dialog), or never: then it calls cancelled().
            confirmer.confirmKill(dialog, options -> end(dialog.chosenPlan(), options));
        }, this::failed);
    }

    /**
     * @param container the container behind the port (then it is stopped instead), or null
     * @param serviceAdvice for a systemd service, the command that stops it for good, in words; or ""
     */
    private record Prepared(Preparation preparation, Map<Long, String> whatItIs, ContainerStopDialogViewModel container,
            String serviceAdvice) {
    }

    /**
     * Off the FX thread: the shared checks, the descendants, what each owner is (its container,
     * service or project: the owner package's facts, read once per process).
     */
    private Prepared prepare(KillPlan plan) {
        Map<Long, String> whatItIs = new HashMap<>();
        ContainerStopDialogViewModel container = null;
        String serviceAdvice = "";
        for (ListeningSocket s : plan.sockets()) {
            // Each owner on its own: two programs sharing a socket are two different things. A hidden
            // owner is asked about too: its socket may be a container's.
            List<ListeningSocket> each = s.owners().isEmpty() ? List.of(s) : s.owners().stream()
                    .map(o -> new ListeningSocket(s.protocol(), s.family(), s.address(), s.port(), List.of(o), s.user()))
                    .toList();
            for (ListeningSocket one : each) {
                try {
                    OwnerFacts facts = services.owners().find(one);
                    LikelyOwner likely = Knowledge.shared().likelyOwner(one, facts);
                    if (container == null && facts.container() != null) {
                        Container c = facts.container();
                        ContainerStopper stopper = services.containerStop().stopper();
                        container = new ContainerStopDialogViewModel(plan, c, facts.published(),
                                stopper.grace(c).orElse(ContainerEngine.DEFAULT_GRACE));
                    }
                    if (serviceAdvice.isEmpty() && facts.unit() != null) {
                        serviceAdvice = Texts.get("kill.dialog.service", Printable.of(facts.unit().name()),
                                Printable.of(facts.unit().stopCommand(Knowledge.shared().viewerIsRoot())));
                    }
                    one.owner().ifPresent(owner -> {
                        if (likely.recognised()) { // guesses are left out: the facts shown come from the scan
                            whatItIs.putIfAbsent((long) owner.pid(), Printable.of(likely.label())); // may hold a project's name
                        }
                    });
                } catch (RuntimeException e) {
                    // The dialog works without it; the facts it shows come from the scan.
                }
            }
        }
        return new Prepared(container == null ? services.freer().prepare(plan) : null, whatItIs, container,
                serviceAdvice);
    }

    private void confirmContainerStop(ContainerStopDialogViewModel dialog) {
        idle(State.CONFIRMING);
        if (confirmer == null || !confirmer.confirmStop(dialog, () -> stopContainer(dialog))) {
            idle();
        }
    }

    private void stopContainer(ContainerStopDialogViewModel dialog) {
        if (state.get() != State.CONFIRMING) {
            return;
        }
        state.set(State.ENDING);
        working(Texts.get("action.progress.stoppingContainer", Printable.of(dialog.container().displayName())));
        services.runner().run(() -> services.containerStop().stop(dialog.plan(), dialog.container()), outcome -> {
            idle();
            report(outcome);
            services.rescan().run();
        }, this::failed);
    }

    private void end(KillPlan plan, KillOptions options) {
        if (state.get() == State.ENDING || plan.targets().isEmpty()) {
            cancelled();
            return;
        }
        state.set(State.ENDING);
        working(Texts.get("action.progress.ending", plan.targets().get(0).label()));
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

    /**
     * Called on the kill's background thread: asks on the FX thread and waits for the answer, at most
     * {@link #FORCE_QUESTION_LIMIT}. Without an answer by then the question is closed and the process
     * is left running; the outcome says that nobody answered.
     */
    private ForceConsent.Answer askForce(KillTarget target) {
        if (confirmer == null) {
            return ForceConsent.Answer.LEAVE_RUNNING;
        }
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        AtomicReference<Runnable> closeQuestion = new AtomicReference<>();
        long grace = services.freer().terminator().grace().toSeconds();
        services.runner().onUi(() -> closeQuestion.set(confirmer.askForce(target, grace, answer::complete)));
        try {
            return answer.get(forceQuestionLimit.toNanos(), TimeUnit.NANOSECONDS) ? ForceConsent.Answer.FORCE
                    : ForceConsent.Answer.LEAVE_RUNNING;
        } catch (TimeoutException e) {
            answer.complete(false); // a late click changes nothing now
            services.runner().onUi(() -> {
                Runnable close = closeQuestion.get();
                if (close != null) {
                    close.run();
                }
            });
            return ForceConsent.Answer.NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ForceConsent.Answer.NO_ANSWER;
        } catch (ExecutionException e) {
            return ForceConsent.Answer.NO_ANSWER;
        }
    }

    private void report(KillOutcome outcome) {
        ActionMessage.Kind kind = outcome instanceof KillOutcome.Freed ? ActionMessage.Kind.SUCCESS
                : outcome instanceof Failed ? ActionMessage.Kind.ERROR : ActionMessage.Kind.WARNING;
        tell.accept(new ActionMessage(outcome.message(), kind, true));
    }

    private void failed(Throwable e) {
        idle();
        String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage();
        tell.accept(new ActionMessage(Texts.get("action.failed.error", Printable.of(why)), ActionMessage.Kind.ERROR,
                true));
    }

    private void working(String text) {
        if (state.get() == State.IDLE) {
            state.set(State.PREPARING);
        }
        progress.set(-1);
        progressText.set(text);
    }

    private void idle() {
        idle(State.IDLE);
    }

    /** No progress shown; the state is {@code now} (the dialog is up, or nothing happens). */
    private void idle(State now) {
        state.set(now);
        progress.set(0);
        progressText.set("");
    }
}
