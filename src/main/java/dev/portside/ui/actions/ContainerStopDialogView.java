package dev.portside.ui.actions;

import atlantafx.base.theme.Styles;
import dev.portside.knowledge.Texts;
import java.util.Map;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The dialog that asks before a container is stopped ({@code #containerStopDialog}; the confirm
 * button is {@code #confirmKillButton} as for every end, cancel {@code #cancelKillButton}). Builds
 * nodes from {@link ContainerStopDialogViewModel}; no logic.
 */
final class ContainerStopDialogView {

    private final ContainerStopDialogViewModel model;
    private final Window owner;

    ContainerStopDialogView(ContainerStopDialogViewModel model, Window owner) {
        this.model = model;
        this.owner = owner;
    }

    void show(Runnable onConfirm, Runnable onCancel) {
        ButtonType stop = new ButtonType(model.confirmText(), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Texts.get("container.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", stop, cancel);
        alert.setTitle(Texts.get("container.dialog.title"));
        alert.setHeaderText(model.heading());
        Label explanation = new Label(model.explanation());
        explanation.setWrapText(true);
        explanation.setMaxWidth(520);
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        int row = 0;
        for (Map.Entry<String, String> f : model.facts().entrySet()) {
            Label name = new Label(f.getKey());
            name.getStyleClass().add(Styles.TEXT_MUTED);
            Label value = new Label(f.getValue());
            value.setWrapText(true);
            facts.addRow(row++, name, value);
        }
        VBox content = new VBox(12, explanation, facts);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setId("containerStopDialog");
        if (owner != null) {
            alert.initOwner(owner);
        }
        Button confirm = (Button) alert.getDialogPane().lookupButton(stop);
        confirm.setId("confirmKillButton");
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.setDefaultButton(false);
        Button no = (Button) alert.getDialogPane().lookupButton(cancel);
        no.setId("cancelKillButton");
        no.setDefaultButton(true);
        alert.setOnHidden(e -> {
            if (alert.getResult() == stop) {
                onConfirm.run();
            } else {
                onCancel.run();
            }
        });
        alert.show();
    }
}
