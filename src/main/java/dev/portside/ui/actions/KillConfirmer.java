package dev.portside.ui.actions;

import dev.portside.action.KillOptions;
import dev.portside.action.KillTarget;
import java.util.function.Consumer;

/**
 * Asks the user (a dialog in the app, a scripted answer in tests). Both methods are called on the
 * FX thread and must not block it: they answer through the callback, or not at all when the user
 * cancels.
 */
public interface KillConfirmer {

    /**
     * Shows what will end; calls {@code onConfirm} with the chosen options only if the user confirms
     * (the dialog's {@link KillDialogViewModel#chosenPlan()} says which owners).
     */
    void confirmKill(KillDialogViewModel dialog, Consumer<KillOptions> onConfirm);

    /**
     * The target is still running after the grace period: end it by force? Answers once, through
     * {@code answer}. Returns what closes the question unanswered (the kill stops waiting after
     * {@link KillFlow#FORCE_QUESTION_LIMIT}).
     */
    Runnable askForce(KillTarget target, long graceSeconds, Consumer<Boolean> answer);

    /**
     * A container's port: asks whether to stop the container (its engine stops it; no process is
     * signalled). Calls {@code onConfirm} only if the user confirms. Returns false when this
     * confirmer cannot ask that (nothing is stopped then).
     */
    default boolean confirmStop(ContainerStopDialogViewModel dialog, Runnable onConfirm) {
        return false;
    }
}
