package dev.portside.ui.actions;

import atlantafx.base.theme.Styles;
import dev.portside.action.KillOptions;
import dev.portside.action.KillTarget;
import dev.portside.knowledge.Texts;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Asks through dialogs owned by the main window. */
final class DialogKillConfirmer implements KillConfirmer {

    private final Supplier<Window> owner;
    private final Runnable onCancel;

    DialogKillConfirmer(Supplier<Window> owner, Runnable onCancel) {
        this.owner = owner;
        this.onCancel = onCancel;
    }

    @Override
    public void confirmKill(KillDialogViewModel dialog, Consumer<KillOptions> onConfirm) {
        new KillDialogView(dialog, owner.get()).show(onConfirm, onCancel);
    }

    @Override
    public boolean confirmStop(ContainerStopDialogViewModel dialog, Runnable onConfirm) {
        new ContainerStopDialogView(dialog, owner.get()).show(onConfirm, onCancel);
        return true;
    }

    @Override
    public Runnable askForce(KillTarget target, long graceSeconds, Consumer<Boolean> answer) {
        ButtonType yes = new ButtonType(Texts.get("kill.dialog.force.yes"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(Texts.get("kill.dialog.force.no"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, Texts.get("kill.dialog.force.question", target.label(),
                String.valueOf(graceSeconds), KillFlow.FORCE_QUESTION_LIMIT.toSeconds()), yes, no);
        alert.setTitle(Texts.get("kill.dialog.force.title"));
        alert.setHeaderText(null);
        if (owner.get() != null) {
            alert.initOwner(owner.get());
        }
        Button force = (Button) alert.getDialogPane().lookupButton(yes);
        force.setId("confirmForceButton");
        force.getStyleClass().add(Styles.DANGER);
        force.setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        alert.getDialogPane().setId("forceQuestion");
        alert.setOnHidden(e -> answer.accept(alert.getResult() == yes));
        alert.show();
        return alert::close;
    }
}
