package dev.portside.ui.actions;

import atlantafx.base.theme.Styles;
import dev.portside.action.KillOptions;
import dev.portside.knowledge.Texts;
import java.net.URL;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The confirmation before a process ends. Shows every process that holds the socket and which of
 * them will end (a check box each when there is a choice), what will not and why, and the options;
 * the confirm button ({@code #confirmKillButton}) is not the default button, so Enter does not end
 * anything by accident, and Escape cancels. Where processes end at once (Windows) there is no force
 * option. Opens without blocking; answers through callbacks.
 */
public final class KillDialogView {

    public static final String CONFIRM_BUTTON_ID = "confirmKillButton";

    private static final double CONTENT_WIDTH = 560;
    /** The owners' list scrolls beyond about two processes. */
    private static final double MANY_OWNERS_HEIGHT = 380;
    /** On a small screen the list gives way down to about one process's first lines. */
    private static final double OWNERS_MIN_HEIGHT = 110;

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
        dialog.headerTextProperty().bind(model.headingProperty());
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
        confirmButton.textProperty().bind(model.confirmTextProperty());
        confirmButton.disableProperty().bind(model.nothingChosenProperty());
        confirmButton.setDefaultButton(false);
        confirmButton.getStyleClass().add(Styles.DANGER);
        confirmButton.setGraphic(new FontIcon(Feather.X_OCTAGON));
        Button cancelButton = (Button) pane.lookupButton(ButtonType.CANCEL);
        cancelButton.setId("cancelKillButton");
        cancelButton.setDefaultButton(true);

        Label explanation = wrapped("", "kill-dialog-explanation", "killDialogExplanation");
        explanation.textProperty().bind(model.explanationProperty());
        VBox content = new VBox(12, explanation);
        if (!model.serviceAdvice().isEmpty()) { // a systemd service comes back when only its process ends
            content.getChildren().add(wrapped(model.serviceAdvice(), "kill-dialog-service", "killDialogService"));
        }
        if (model.processes().size() > 1) {
            // Which of them end, at a glance, even when the list below scrolls.
            Label willEnd = wrapped("", "kill-dialog-will-end", "killDialogWillEnd");
            willEnd.textProperty().bind(model.willEndProperty());
            content.getChildren().add(willEnd);
        }
        VBox owners = new VBox(8);
        for (KillDialogViewModel.ProcessRow p : model.processes()) {
            owners.getChildren().add(processGrid(p));
        }
        // The owners' list is what scrolls: beyond about two processes (pre-fork workers,
        // SO_REUSEPORT), and whenever the dialog would be taller than the screen (ScreenFit), so that
        // the choices and the buttons stay in view.
        ScrollPane scroll = new ScrollPane(owners);
        scroll.setId("killDialogOwners");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinHeight(OWNERS_MIN_HEIGHT);
        if (model.processes().size() > 2) {
            scroll.setPrefViewportHeight(MANY_OWNERS_HEIGHT);
        }
        scroll.getStyleClass().add("kill-dialog-owners");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        content.getChildren().add(scroll);
        Label kept = wrapped("", "kill-dialog-kept", "killDialogKept");
        kept.textProperty().bind(model.keptProperty());
        kept.visibleProperty().bind(kept.textProperty().isNotEmpty());
        kept.managedProperty().bind(kept.visibleProperty());
        // The dialog was sized for what it showed first: it grows (or shrinks) with this line.
        kept.visibleProperty().addListener(o -> {
            if (pane.getScene() != null && pane.getScene().getWindow() != null) {
                pane.getScene().getWindow().sizeToScene();
                ScreenFit.keepOnScreen(pane.getScene().getWindow());
            }
        });
        content.getChildren().add(kept);
        if (!model.otherHolders().isEmpty()) {
            content.getChildren().add(wrapped(model.otherHolders(), "kill-dialog-others", "killDialogOthers"));
        }

        CheckBox tree = new CheckBox();
        tree.textProperty().bind(model.treeTextProperty());
        tree.setId("killTreeCheckBox");
        tree.setWrapText(true);
        tree.setPrefWidth(CONTENT_WIDTH);
        tree.setMinHeight(Region.USE_PREF_SIZE);
        tree.selectedProperty().bindBidirectional(model.treeProperty());
        tree.disableProperty().bind(model.hasChildrenProperty().not());
        VBox options = new VBox(8, tree);
        if (model.forceOffered()) {
            CheckBox force = new CheckBox();
            force.textProperty().bind(model.forceTextProperty());
            force.setId("killForceCheckBox");
            force.setWrapText(true);
            force.setPrefWidth(CONTENT_WIDTH);
            force.setMinHeight(Region.USE_PREF_SIZE);
            force.selectedProperty().bindBidirectional(model.forceProperty());
            options.getChildren().add(force);
        }
        options.setPadding(new Insets(4, 0, 0, 0));
        content.getChildren().add(options);
        content.setPrefWidth(CONTENT_WIDTH);
        content.setMaxWidth(Double.MAX_VALUE);
        pane.setContent(content);
    }

    private static Label wrapped(String text, String styleClass, String id) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        // A wrapping label needs a width to ask for its height; without one the dialog grows tall.
        // Its whole height, too: squeezed, it would cut the sentence short with "…".
        label.setPrefWidth(CONTENT_WIDTH);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add(styleClass);
        return label;
    }

    private GridPane processGrid(KillDialogViewModel.ProcessRow p) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("kill-dialog-process");
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(110);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(names, values);
        BooleanProperty chosen = model.chosenProperty(p.pid());
        if (model.offersChoice() && chosen != null) {
            // Which of them end: all by default; unticking one leaves it running (and says so below).
            CheckBox end = new CheckBox(p.label());
            end.setId("killOwnerCheckBox");
            end.setUserData(p.pid());
            end.getStyleClass().add(Styles.TEXT_BOLD);
            end.selectedProperty().bindBidirectional(chosen);
            grid.add(end, 0, 0, 2, 1);
        } else {
            Label title = new Label(p.label());
            title.getStyleClass().add(Styles.TEXT_BOLD);
            grid.add(title, 0, 0, 2, 1);
        }
        int row = 1;
        if (!p.canEnd()) {
            grid.getStyleClass().add("kill-dialog-process-kept");
            row = line(grid, row, "kill.dialog.notEnded", p.whyNot(), "killDialogWhyNot");
        }
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
        GridPane.setValignment(name, VPos.TOP);
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
        GridPane.setValignment(name, VPos.TOP);
        grid.add(name, 0, row);
        grid.add(text, 1, row);
        return row + 1;
    }

    /** Shows the dialog; exactly one of the callbacks runs when it closes. */
    public void show(Consumer<KillOptions> onConfirm, Runnable onCancel) {
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == confirm) {
                onConfirm.accept(model.options());
            } else {
                onCancel.run();
            }
        });
        dialog.setOnShown(e -> ScreenFit.keepOnScreen(dialog.getDialogPane().getScene().getWindow()));
        dialog.show();
    }

    public Dialog<ButtonType> dialog() {
        return dialog;
    }
}
