package dev.portside.ui.actions;

import atlantafx.base.theme.Styles;
import dev.portside.knowledge.Texts;
import java.net.URL;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The confirmation before a process ends. Shows what will end and the two options; the confirm
 * button ({@code #confirmKillButton}) is not the default button, so Enter does not end anything by
 * accident, and Escape cancels. Opens without blocking; answers through callbacks.
 */
public final class KillDialogView {

    public static final String CONFIRM_BUTTON_ID = "confirmKillButton";

    private static final double CONTENT_WIDTH = 560;

    private final KillDialogViewModel model;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ButtonType confirm;

    public KillDialogView(KillDialogViewModel model, Window owner) {
        this.model = model;
        this.confirm = new ButtonType(model.confirmText(), ButtonBar.ButtonData.OK_DONE);
        build(owner);
    }

    private void build(Window owner) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(Texts.get("kill.dialog.title"));
        dialog.setHeaderText(model.heading());
        FontIcon warning = new FontIcon(Feather.ALERT_TRIANGLE);
        warning.getStyleClass().add("kill-dialog-icon");
        dialog.setGraphic(warning);
        dialog.setResizable(true);

        var pane = dialog.getDialogPane();
        pane.setId("killDialog");
        pane.getStyleClass().add("kill-dialog");
        URL css = KillDialogView.class.getResource("/dev/portside/ui/portside.css");
        if (css != null) {
            pane.getStylesheets().add(css.toExternalForm());
        }
        pane.getButtonTypes().setAll(confirm, ButtonType.CANCEL);
        Button confirmButton = (Button) pane.lookupButton(confirm);
        confirmButton.setId(CONFIRM_BUTTON_ID);
        confirmButton.setDefaultButton(false);
        confirmButton.getStyleClass().add(Styles.DANGER);
        confirmButton.setGraphic(new FontIcon(Feather.X_OCTAGON));
        Button cancelButton = (Button) pane.lookupButton(ButtonType.CANCEL);
        cancelButton.setId("cancelKillButton");
        cancelButton.setDefaultButton(true);

        Label explanation = new Label(model.explanation());
        explanation.setWrapText(true);
        // A wrapping label needs a width to ask for its height; without one the dialog grows tall.
        explanation.setPrefWidth(CONTENT_WIDTH);
        explanation.getStyleClass().add("kill-dialog-explanation");

        VBox content = new VBox(12, explanation);
        for (KillDialogViewModel.ProcessRow p : model.processes()) {
            content.getChildren().add(processGrid(p));
        }
        CheckBox tree = new CheckBox(model.treeText());
        tree.setId("killTreeCheckBox");
        tree.setWrapText(true);
        tree.setPrefWidth(CONTENT_WIDTH);
        tree.selectedProperty().bindBidirectional(model.treeProperty());
        CheckBox force = new CheckBox(model.forceText());
        force.setId("killForceCheckBox");
        force.setWrapText(true);
        force.setPrefWidth(CONTENT_WIDTH);
        force.selectedProperty().bindBidirectional(model.forceProperty());
        VBox options = new VBox(8, tree, force);
        options.setPadding(new Insets(4, 0, 0, 0));
        content.getChildren().add(options);
        content.setPrefWidth(CONTENT_WIDTH);
        content.setMaxWidth(Double.MAX_VALUE);
        pane.setContent(content);
    }

    private static GridPane processGrid(KillDialogViewModel.ProcessRow p) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("kill-dialog-process");
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(110);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(names, values);
        Label title = new Label(p.label());
        title.getStyleClass().add(Styles.TEXT_BOLD);
        grid.add(title, 0, 0, 2, 1);
        int row = 1;
        if (!p.whatItIs().isEmpty()) {
            row = line(grid, row, "kill.dialog.whatItIs", p.whatItIs(), "killDialogWhatItIs");
        }
        row = line(grid, row, "kill.dialog.user", p.user(), "killDialogUser");
        row = commandLine(grid, row, p.commandLine());
        row = line(grid, row, "kill.dialog.started", p.started(), "killDialogStarted");
        row = line(grid, row, "kill.dialog.ports", p.ports(), "killDialogPorts");
        line(grid, row, "kill.dialog.children", p.children(), "killDialogChildren");
        return grid;
    }

    /** A command line can be thousands of characters (a Java class path): a few lines that scroll. */
    private static int commandLine(GridPane grid, int row, String commandLine) {
        Label name = new Label(Texts.get("kill.dialog.command"));
        name.getStyleClass().add(Styles.TEXT_MUTED);
        GridPane.setValignment(name, javafx.geometry.VPos.TOP);
        TextArea text = new TextArea(commandLine);
        text.setId("killDialogCommand");
        text.getStyleClass().add("kill-dialog-command");
        text.setEditable(false);
        text.setWrapText(true);
        text.setFocusTraversable(false);
        text.setPrefRowCount(commandLine.length() > 160 ? 3 : commandLine.length() > 60 ? 2 : 1);
        text.setPrefWidth(CONTENT_WIDTH - 150);
        grid.add(name, 0, row);
        grid.add(text, 1, row);
        return row + 1;
    }

    private static int line(GridPane grid, int row, String key, String value, String id) {
        Label name = new Label(Texts.get(key));
        name.getStyleClass().add(Styles.TEXT_MUTED);
        Label text = new Label(value);
        text.setId(id);
        text.setWrapText(true);
        text.setPrefWidth(CONTENT_WIDTH - 150);
        GridPane.setValignment(name, javafx.geometry.VPos.TOP);
        grid.add(name, 0, row);
        grid.add(text, 1, row);
        return row + 1;
    }

    /** Shows the dialog; exactly one of the callbacks runs when it closes. */
    public void show(Consumer<dev.portside.action.KillOptions> onConfirm, Runnable onCancel) {
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == confirm) {
                onConfirm.accept(model.options());
            } else {
                onCancel.run();
            }
        });
        dialog.show();
    }

    public Dialog<ButtonType> dialog() {
        return dialog;
    }
}
