package dev.portside.ui.diagnose;

import dev.portside.ui.FirstFrame;
import dev.portside.core.ListeningSocket;
import dev.portside.core.Protocol;
import dev.portside.diagnose.FindingAction;
import dev.portside.knowledge.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.CustomTextField;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The diagnosis' nodes: the field and button for the toolbar ({@code diagnoseField},
 * {@code diagnoseButton}), the pane with the findings ({@code diagnosisPane}), the detail pane's
 * "Can't connect to this?" link ({@code diagnoseLink}), and Ctrl+V into the window. Builds and
 * binds only; every decision is in {@link DiagnoseViewModel}.
 */
public final class DiagnoseView {

    /** Focuses the diagnose field. */
    public static final KeyCombination FOCUS_FIELD = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);

    private final DiagnoseViewModel model;
    private final CustomTextField field = new CustomTextField();
    private final Button button = new Button(Texts.get("ui.diagnose.button"));
    /** The pane's own field, shown when the toolbar's is in its overflow menu (a narrow window). */
    private final CustomTextField paneField = new CustomTextField();
    private final VBox pane = new VBox();
    private final VBox findingBox = new VBox(10);
    private final VBox factBox = new VBox(2);

    public DiagnoseView(DiagnoseViewModel model) {
        this.model = model;
        buildField();
        buildPane();
    }

    /** A separator, the field and its button, for the end of a toolbar. */
    public List<Node> toolbarItems() {
        Label label = new Label(Texts.get("ui.diagnose.label"));
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        // In a pane, as the actions' buttons are, so that all buttons of the bar look alike.
        return List.of(new Separator(javafx.geometry.Orientation.VERTICAL), label, field, new StackPane(button));
    }

    public CustomTextField field() {
        return field;
    }

    /** The pane, hidden until the first check. */
    public VBox pane() {
        return pane;
    }

    /** Ctrl+K: the toolbar's field, or, when the window is too narrow to show it, the pane's. */
    public void focusField() {
        if (field.getScene() != null) {
            field.requestFocus();
            field.selectAll();
        } else {
            model.open();
            paneField.requestFocus();
            paneField.selectAll();
        }
    }

    private void buildField() {
        field.setId("diagnoseField");
        field.setPromptText(Texts.get("ui.diagnose.prompt"));
        field.setPrefColumnCount(18);
        field.setLeft(new FontIcon(Feather.ACTIVITY));
        field.textProperty().bindBidirectional(model.inputProperty());
        FirstFrame.later(() -> field.setTooltip(new Tooltip(Texts.get("ui.diagnose.tooltip", FOCUS_FIELD.getDisplayText()))));
        field.setOnAction(e -> model.run());
        button.setId("diagnoseButton");
        button.setMnemonicParsing(false);
        button.setMinWidth(Region.USE_PREF_SIZE);
        FirstFrame.later(() -> button.setTooltip(new Tooltip(Texts.get("ui.diagnose.button.tooltip"))));
        button.setOnAction(e -> model.run());
        paneField.setId("diagnosisPaneField");
        paneField.setPromptText(Texts.get("ui.diagnose.prompt"));
        paneField.setLeft(new FontIcon(Feather.ACTIVITY));
        paneField.textProperty().bindBidirectional(model.inputProperty());
        paneField.setOnAction(e -> model.run());
    }

    /**
     * The pane itself at once (its id, shown with the model); what is in it when it is first shown,
     * so that the window does not build, style and lay out a pane it keeps hidden until the first
     * check (docs/PERFORMANCE.md, "Start-up of the window").
     */
    private void buildPane() {
        pane.setId("diagnosisPane");
        pane.getStyleClass().add("diagnosis-pane");
        pane.visibleProperty().bind(model.shownProperty());
        pane.managedProperty().bind(pane.visibleProperty());
        model.findings().addListener((ListChangeListener<FindingRowViewModel>) c -> fillFindings());
        model.facts().addListener((ListChangeListener<String>) c -> fillFacts());
        if (model.shownProperty().get()) {
            buildPaneContent();
        } else {
            model.shownProperty().addListener(new javafx.beans.InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable o) {
                    if (model.shownProperty().get()) {
                        model.shownProperty().removeListener(this);
                        buildPaneContent();
                    }
                }
            });
        }
    }

    private void buildPaneContent() {
        FontIcon icon = new FontIcon(Feather.ACTIVITY);
        Label title = new Label();
        title.setId("diagnosisTitle");
        title.getStyleClass().add("diagnosis-title");
        title.setGraphic(icon);
        title.textProperty().bind(model.titleProperty());
        title.setMinWidth(0);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(16, 16);
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        CheckBox bind = new CheckBox(Texts.get("ui.diagnose.bind"));
        bind.setId("bindProbeToggle");
        bind.selectedProperty().bindBidirectional(model.bindProbeProperty());
        bind.setTooltip(new Tooltip(Texts.get("ui.diagnose.bind.tooltip")));
        bind.setMinWidth(Region.USE_PREF_SIZE);
        Button copy = new Button(null, new FontIcon(Feather.COPY));
        copy.setId("copyDiagnosisButton");
        copy.getStyleClass().add("button-icon");
        copy.setTooltip(new Tooltip(Texts.get("ui.diagnose.copyAll")));
        copy.setAccessibleText(Texts.get("ui.diagnose.copyAll"));
        copy.disableProperty().bind(Bindings.isEmpty(model.findings()));
        copy.setOnAction(e -> model.copyAll());
        Button close = new Button(null, new FontIcon(Feather.X));
        close.setId("closeDiagnosisButton");
        close.getStyleClass().add("button-icon");
        close.setTooltip(new Tooltip(Texts.get("ui.diagnose.close")));
        close.setAccessibleText(Texts.get("ui.diagnose.close"));
        close.setOnAction(e -> model.close());
        HBox head = new HBox(8, title, progress, spacer, bind, copy, close);
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("diagnosis-head");

        Button paneButton = new Button(Texts.get("ui.diagnose.button"));
        paneButton.setId("diagnosisPaneButton");
        paneButton.setMnemonicParsing(false);
        paneButton.setMinWidth(Region.USE_PREF_SIZE);
        paneButton.setOnAction(e -> model.run());
        HBox.setHgrow(paneField, Priority.ALWAYS);
        HBox paneInput = new HBox(8, paneField, paneButton);
        paneInput.setAlignment(Pos.CENTER_LEFT);
        // Only while the toolbar's field is out of sight (in the toolbar's overflow menu).
        paneInput.visibleProperty().bind(Bindings.createBooleanBinding(() -> field.getScene() == null,
                field.sceneProperty()));
        paneInput.managedProperty().bind(paneInput.visibleProperty());

        Label echo = new Label();
        echo.setId("diagnosisInput");
        echo.getStyleClass().addAll("diagnosis-input", "detail-code");
        echo.textProperty().bind(model.inputEchoProperty());
        echo.setMinWidth(0);
        // A long paste shows here on one line; what the field shows already needs no echo.
        echo.visibleProperty().bind(model.inputEchoProperty().isNotEmpty()
                .and(Bindings.createBooleanBinding(() -> !model.inputEchoProperty().get().equals(
                        model.inputProperty().get().strip()), model.inputEchoProperty(), model.inputProperty())));
        echo.managedProperty().bind(echo.visibleProperty());

        Label error = new Label();
        error.setId("diagnosisError");
        error.getStyleClass().addAll("detail-warning", "diagnosis-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Label feedback = new Label();
        feedback.setId("diagnosisFeedback");
        feedback.getStyleClass().add("diagnosis-feedback");
        feedback.textProperty().bind(model.feedbackProperty());
        feedback.visibleProperty().bind(model.feedbackProperty().isNotEmpty());
        feedback.managedProperty().bind(feedback.visibleProperty());

        factBox.setId("diagnosisFactLines");
        factBox.getStyleClass().add("diagnosis-facts");
        TitledPane facts = new TitledPane(Texts.get("ui.diagnose.facts"), factBox);
        facts.setId("diagnosisFacts");
        facts.setExpanded(false);
        facts.setAnimated(false);
        facts.visibleProperty().bind(Bindings.isNotEmpty(model.facts()));
        facts.managedProperty().bind(facts.visibleProperty());

        VBox body = new VBox(10, paneInput, echo, error, findingBox, feedback, facts);
        body.getStyleClass().add("diagnosis-body");
        body.setPadding(new Insets(0, 14, 12, 14));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("diagnosis-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        head.setPadding(new Insets(8, 10, 6, 14));
        pane.getChildren().addAll(new Separator(), head, scroll);
        if (pane.getScene() != null) {
            // Skins now, not at the next pulse: the scroll pane's skin puts the body (the pane's own
            // field) into the scene, so that it can take the focus at once.
            pane.applyCss();
        }
    }

    private void fillFindings() {
        findingBox.getChildren().clear();
        boolean first = true;
        for (FindingRowViewModel f : model.findings()) {
            findingBox.getChildren().add(card(f, first));
            first = false;
        }
    }

    private Node card(FindingRowViewModel f, boolean headline) {
        FontIcon icon = new FontIcon(switch (f.severity()) {
            case PROBLEM -> Feather.ALERT_CIRCLE;
            case OK -> Feather.CHECK_CIRCLE;
            case INFO -> Feather.INFO;
        });
        icon.getStyleClass().add("finding-icon");
        Label severity = new Label(f.severityText());
        severity.getStyleClass().add("finding-severity");
        Label code = new Label(f.code());
        code.getStyleClass().addAll("finding-code", "detail-code");
        HBox tags = new HBox(6, icon, severity, code);
        tags.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label(f.message());
        message.getStyleClass().add("finding-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        VBox words = new VBox(6, tags, message);
        if (!f.action().isEmpty()) {
            Label action = new Label(f.action());
            action.getStyleClass().add("finding-action");
            action.setWrapText(true);
            action.setMinHeight(Region.USE_PREF_SIZE);
            words.getChildren().add(action);
        }
        if (!f.actions().isEmpty()) {
            FlowPane buttons = new FlowPane(8, 6);
            for (FindingAction a : f.actions()) {
                buttons.getChildren().add(actionButton(a));
            }
            words.getChildren().add(buttons);
        }
        words.getStyleClass().addAll("finding-card", "finding-" + f.severity().id(), "finding-" + f.code());
        if (headline) {
            words.setId("diagnosisHeadline");
        }
        return words;
    }

    private Button actionButton(FindingAction a) {
        Button b = new Button(FindingRowViewModel.label(a));
        b.setMnemonicParsing(false);
        switch (a.kind()) {
            case FREE_PORT -> {
                b.setId("findingFreeButton");
                b.setGraphic(new FontIcon(Feather.X_CIRCLE));
                b.getStyleClass().add("kill-button");
            }
            case STOP_CONTAINER -> {
                b.setId("findingStopContainerButton");
                b.setGraphic(new FontIcon(Feather.SQUARE));
                b.getStyleClass().add("kill-button");
            }
            case OPEN_URL -> {
                b.setId("findingOpenButton");
                b.setGraphic(new FontIcon(Feather.EXTERNAL_LINK));
            }
            case COPY_URL -> {
                b.setId("findingCopyButton");
                b.setGraphic(new FontIcon(Feather.COPY));
            }
            case COPY_COMMAND -> {
                b.setId("findingCommandButton");
                b.setGraphic(new FontIcon(Feather.TERMINAL));
            }
        }
        b.setOnAction(e -> model.perform(a));
        return b;
    }

    private void fillFacts() {
        List<Node> lines = new ArrayList<>();
        for (String line : model.facts()) {
            Label l = new Label(line);
            l.getStyleClass().add("detail-code");
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            lines.add(l);
        }
        factBox.getChildren().setAll(lines);
    }

    /**
     * "Can't connect to this?" for the selected socket (shown for TCP sockets only: a browser or a
     * client speaks TCP). {@code socket} gives the selected socket when clicked.
     */
    public Hyperlink detailLink(ObservableValue<ListeningSocket> selected, Supplier<ListeningSocket> socket) {
        Hyperlink link = new Hyperlink(Texts.get("ui.diagnose.link"), new FontIcon(Feather.ACTIVITY));
        link.setId("diagnoseLink");
        FirstFrame.later(() -> link.setTooltip(new Tooltip(Texts.get("ui.diagnose.link.tooltip"))));
        link.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> selected.getValue() != null && selected.getValue().protocol() == Protocol.TCP, selected));
        link.managedProperty().bind(link.visibleProperty());
        link.setOnAction(e -> {
            ListeningSocket s = socket.get();
            if (s != null) {
                model.diagnoseSocket(s);
            }
        });
        return link;
    }

    /**
     * Ctrl+V anywhere in the window but a text field (the table, a button) checks the clipboard's
     * text: a pasted error message is diagnosed at once. Text fields keep their own paste.
     */
    /**
     * Escape closes the pane while it is shown (a field that uses Escape itself, such as the filter
     * while it has text, takes it first); {@code afterClose} puts the focus back where work goes on.
     */
    public void installEscape(Node root, Runnable afterClose) {
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && model.shownProperty().get()) {
                model.close();
                afterClose.run();
                e.consume();
            }
        });
    }

    public void installPaste(Node root) {
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (!PASTE.match(e)) {
                return;
            }
            Scene scene = root.getScene();
            Node focus = scene == null ? null : scene.getFocusOwner();
            if (focus instanceof TextInputControl) {
                return;
            }
            Clipboard clipboard = Clipboard.getSystemClipboard();
            String text = clipboard.hasString() ? clipboard.getString() : null;
            if (text != null && !text.isBlank()) {
                model.runWith(text);
                e.consume();
            }
        });
    }
}
