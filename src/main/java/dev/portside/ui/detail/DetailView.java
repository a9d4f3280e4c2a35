package dev.portside.ui.detail;

import dev.portside.knowledge.CheckCommand;
import dev.portside.knowledge.CommonProblem;
import dev.portside.knowledge.OwnerCertainty;
import dev.portside.knowledge.Texts;
import dev.portside.ui.FirstFrame;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The pane beside the table ({@code #detailPane}): an action bar ({@code #detailActions}) on top,
 * then, scrollable, the selected socket explained: its likely owner, who can connect, the port, the
 * owner's details, commands to check it yourself and the common problems. With nothing selected it
 * explains how to read the table. Builds nodes and binds; no logic.
 */
public final class DetailView {

    public static final String PANE_ID = "detailPane";
    public static final String ACTIONS_ID = "detailActions";

    private final DetailViewModel model;
    private final VBox root = new VBox();
    private final HBox actionBar = new HBox(8);
    private final VBox commandBox = new VBox(10);
    private final VBox problemBox = new VBox(10);
    /** Under the common problems: where the diagnosis puts its "Can't connect to this?" link. */
    private final HBox problemLinks = new HBox(8);

    public DetailView(DetailViewModel model) {
        this.model = model;
        build();
    }

    public Region node() {
        return root;
    }

    /**
     * Room under the common problems for links to other parts (the diagnosis' "Can't connect to
     * this?"); in the pane once a socket has been chosen.
     */
    public HBox problemLinks() {
        return problemLinks;
    }

    /** The bar at the top of the pane where the actions for the selected socket go (Kill, Copy URL, Open). */
    public HBox actionBar() {
        return actionBar;
    }

    private void build() {
        root.setId(PANE_ID);
        root.getStyleClass().add("detail-pane");
        root.setMinWidth(220);

        actionBar.setId(ACTIONS_ID);
        actionBar.getStyleClass().add("detail-actions");
        actionBar.setAlignment(Pos.CENTER_LEFT);
        actionBar.setPadding(new Insets(8, 12, 8, 12));
        // Only takes room once someone puts buttons in it.
        actionBar.visibleProperty().bind(Bindings.isNotEmpty(actionBar.getChildren()));
        actionBar.managedProperty().bind(actionBar.visibleProperty());

        VBox content = new VBox(16, closedNotice(), emptyState());
        content.getStyleClass().add("detail-content");
        // The socket's explanation (about 150 nodes) is built when a socket is first chosen: until
        // then the window does not style and lay out what it does not show (docs/PERFORMANCE.md,
        // "Start-up of the window").
        if (model.emptyProperty().get()) {
            model.emptyProperty().addListener(new javafx.beans.InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable o) {
                    if (!model.emptyProperty().get()) {
                        model.emptyProperty().removeListener(this);
                        content.getChildren().add(details());
                    }
                }
            });
        } else {
            content.getChildren().add(details());
        }
        content.setPadding(new Insets(12, 14, 16, 14));

        ScrollPane scroll = new ScrollPane(content);
        scroll.getStyleClass().add("detail-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinWidth(0);
        scroll.setPrefWidth(0); // the split pane decides the width, never the content
        VBox.setVgrow(scroll, Priority.ALWAYS);

        root.getChildren().addAll(actionBar, scroll);
    }

    /** The chosen socket closed: while its row lingers, and after it went (then nothing is selected). */
    private Node closedNotice() {
        FontIcon icon = new FontIcon(Feather.X_CIRCLE);
        icon.getStyleClass().add("detail-note-icon");
        Label words = bound(model.closedTextProperty());
        words.setId("detailClosedText");
        VBox text = new VBox(4, strong(text(Texts.get("detail.closed.title"))), words);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        HBox box = new HBox(10, icon, text);
        box.setId("detailClosedNotice");
        box.getStyleClass().addAll("detail-note", "detail-closed");
        showWhen(box, model.closedTextProperty().isNotEmpty());
        return box;
    }

    private Node emptyState() {
        Label title = new Label(Texts.get("detail.empty.title"), new FontIcon(Feather.MOUSE_POINTER));
        title.getStyleClass().add("detail-title");
        VBox box = new VBox(10, title, text(Texts.get("detail.empty.intro")));
        // The five lines on the columns and the last words come just after the first frame (wrapped
        // text laid out at the pane's width, styled and laid out before the table could show):
        // below the title and the first sentence, they push nothing else aside (docs/PERFORMANCE.md,
        // "Fourth round: the window").
        FirstFrame.later(() -> {
            for (String key : new String[] {"address", "port", "category", "what", "process"}) {
                box.getChildren().add(bullet(Texts.get("detail.empty." + key)));
            }
            box.getChildren().add(muted(text(Texts.get("detail.empty.outro"))));
        });
        box.getStyleClass().add("detail-empty");
        showWhen(box, model.emptyProperty());
        return box;
    }

    private Node details() {
        // What it most likely is: the answer people come for.
        Label title = new Label();
        title.getStyleClass().add("detail-endpoint");
        title.textProperty().bind(model.titleProperty());
        Label owner = new Label();
        owner.getStyleClass().add("detail-title");
        owner.setWrapText(true);
        owner.setMinHeight(Region.USE_PREF_SIZE);
        owner.textProperty().bind(Bindings.when(model.loadingProperty().and(model.ownerLabelProperty().isEmpty()))
                .then(Texts.get("detail.loading")).otherwise(model.ownerLabelProperty()));
        Label certainty = new Label();
        certainty.setId("detailCertainty");
        certainty.getStyleClass().add("certainty-chip");
        certainty.textProperty().bind(model.certaintyTextProperty());
        certainty.visibleProperty().bind(model.certaintyTextProperty().isNotEmpty());
        certainty.managedProperty().bind(certainty.visibleProperty());
        model.certaintyProperty().addListener((o, was, now) -> styleCertainty(certainty, now));
        styleCertainty(certainty, model.certaintyProperty().get());
        Label sentence = bound(model.ownerSentenceProperty());
        Label description = muted(bound(model.ownerDescriptionProperty()));
        VBox head = new VBox(6, title, owner, certainty, sentence, description);

        VBox address = section("detail.section.address", Feather.WIFI,
                strong(bound(model.addressHeadlineProperty())), bound(model.addressTextProperty()), exposureWarning());
        VBox port = section("detail.section.port", Feather.HASH, strong(bound(model.portHeadlineProperty())),
                bound(model.portTextProperty()), bound(model.ianaTextProperty()),
                muted(text(Texts.get("detail.iana.note"))), bound(model.usualToolsTextProperty()));
        VBox ownerSection = section("detail.section.owner", Feather.CPU, hiddenOwner(), facts(),
                new OwnerFactsView(model.ownerFacts()).node());
        VBox check = section("detail.section.check", Feather.TERMINAL, commandBox);
        VBox problems = section("detail.section.problems", Feather.HELP_CIRCLE, problemBox, problemLinks);

        model.commands().addListener((ListChangeListener<CheckCommand>) c -> fillCommands());
        model.problems().addListener((ListChangeListener<CommonProblem>) c -> fillProblems());
        fillCommands();
        fillProblems();

        VBox box = new VBox(18, head, address, port, ownerSection, check, problems);
        box.getStyleClass().add("detail-body");
        showWhen(box, model.emptyProperty().not());
        return box;
    }

    /** Plain words and an icon in the theme's warning colours: worth a look, not an alarm. */
    private Node exposureWarning() {
        FontIcon icon = new FontIcon(Feather.ALERT_TRIANGLE);
        icon.getStyleClass().add("detail-warning-icon");
        Label title = strong(text(Texts.get("detail.exposure.title")));
        VBox words = new VBox(4, title, text(Texts.get("detail.exposure.text")));
        HBox.setHgrow(words, Priority.ALWAYS);
        words.setMinWidth(0);
        HBox box = new HBox(10, icon, words);
        box.setId("exposureWarning");
        box.getStyleClass().add("detail-warning");
        showWhen(box, model.exposedProperty());
        return box;
    }

    private Node hiddenOwner() {
        FontIcon icon = new FontIcon(Feather.EYE_OFF);
        icon.getStyleClass().add("detail-note-icon");
        Label why = text(Texts.get("detail.hidden.text"));
        // The socket's user and the viewer (root or not) say more than the general words, once known.
        why.textProperty().bind(Bindings.when(model.ownerFacts().hiddenNoteProperty().isEmpty())
                .then(Texts.get("detail.hidden.text")).otherwise(model.ownerFacts().hiddenNoteProperty()));
        VBox words = new VBox(4, strong(text(Texts.get("detail.hidden.title"))), why);
        HBox.setHgrow(words, Priority.ALWAYS);
        words.setMinWidth(0);
        HBox box = new HBox(10, icon, words);
        box.setId("hiddenOwnerNote");
        box.getStyleClass().add("detail-note");
        showWhen(box, model.ownerHiddenProperty());
        return box;
    }

    /** A grid of facts, a name and a value a row ({@link #fact}): the process's, and the owner's. */
    static GridPane factGrid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("detail-facts");
        grid.setHgap(12);
        grid.setVgap(0); // rows space themselves (CSS padding), so a hidden fact leaves no gap
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        grid.getColumnConstraints().addAll(names, values);
        return grid;
    }

    private Node facts() {
        GridPane grid = factGrid();
        int row = 0;
        row = fact(grid, row, "detail.fact.process", model.processProperty(), false);
        row = fact(grid, row, "detail.fact.others", model.otherOwnersProperty(), false);
        row = fact(grid, row, "detail.fact.user", model.userProperty(), false);
        row = fact(grid, row, "detail.fact.started", model.startedProperty(), false);
        row = fact(grid, row, "detail.fact.parent", model.parentProperty(), false);
        row = fact(grid, row, "detail.fact.folder", model.folderProperty(), true);
        row = fact(grid, row, "detail.fact.path", model.pathProperty(), true);
        fact(grid, row, "detail.fact.command", model.commandLineProperty(), true);
        showWhen(grid, model.ownerHiddenProperty().not());
        return grid;
    }

    static int fact(GridPane grid, int row, String key, ObservableStringValue value, boolean code) {
        Label name = new Label(Texts.get(key));
        name.getStyleClass().add("detail-fact-name");
        Label shown = new Label();
        shown.textProperty().bind(value);
        shown.setWrapText(true);
        shown.setMinWidth(0);
        shown.setMinHeight(Region.USE_PREF_SIZE);
        shown.setMaxWidth(Double.MAX_VALUE);
        shown.getStyleClass().add("detail-fact-value");
        if (code) {
            shown.getStyleClass().add("detail-code");
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(value);
            tip.setWrapText(true);
            tip.setMaxWidth(600);
            shown.setTooltip(tip);
        }
        if ("detail.fact.command".equals(key)) {
            shown.setId("detailCommandLine");
        }
        // A fact the OS did not tell takes no room.
        name.visibleProperty().bind(Bindings.isNotEmpty(value));
        name.managedProperty().bind(name.visibleProperty());
        shown.visibleProperty().bind(name.visibleProperty());
        shown.managedProperty().bind(name.visibleProperty());
        GridPane.setValignment(name, VPos.TOP);
        if (code && !"detail.fact.folder".equals(key)) {
            // Program files and command lines are long: they get the full width, under their name.
            grid.add(name, 0, row, 2, 1);
            grid.add(shown, 0, row + 1, 2, 1);
            shown.getStyleClass().add("detail-fact-long");
            return row + 2;
        }
        grid.addRow(row, name, shown);
        return row + 1;
    }

    private void fillCommands() {
        commandBox.getChildren().clear();
        for (CheckCommand c : model.commands()) {
            Label command = new Label(c.command());
            command.getStyleClass().addAll("detail-code", "detail-command");
            command.setWrapText(true);
            command.setMinWidth(0);
            command.setMinHeight(Region.USE_PREF_SIZE);
            command.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(command, Priority.ALWAYS);
            Button copy = new Button(null, new FontIcon(Feather.COPY));
            copy.getStyleClass().addAll("button-icon", "detail-copy");
            copy.setTooltip(new Tooltip(Texts.get("detail.copy.tooltip")));
            copy.setAccessibleText(Texts.get("detail.copy"));
            copy.setOnAction(e -> copy(copy, c.command()));
            copy.setMinWidth(Region.USE_PREF_SIZE);
            HBox line = new HBox(6, command, copy);
            line.setAlignment(Pos.CENTER_LEFT);
            commandBox.getChildren().add(new VBox(4, text(c.explanation()), line));
        }
    }

    private void fillProblems() {
        problemBox.getChildren().clear();
        for (CommonProblem p : model.problems()) {
            problemBox.getChildren().add(new VBox(3, strong(text(p.title())), text(p.text())));
        }
    }

    static void copy(Button button, String command) {
        ClipboardContent content = new ClipboardContent();
        content.putString(command);
        Clipboard.getSystemClipboard().setContent(content);
        button.setGraphic(new FontIcon(Feather.CHECK));
        button.getTooltip().setText(Texts.get("detail.copied"));
        PauseTransition back = new PauseTransition(Duration.seconds(1.5));
        back.setOnFinished(e -> {
            button.setGraphic(new FontIcon(Feather.COPY));
            button.getTooltip().setText(Texts.get("detail.copy.tooltip"));
        });
        back.play();
    }

    private static void styleCertainty(Label chip, OwnerCertainty certainty) {
        chip.getStyleClass().removeAll("certainty-recognised", "certainty-guessed", "certainty-unknown");
        if (certainty != null) {
            chip.getStyleClass().add(switch (certainty) {
                case RECOGNISED_FROM_COMMAND_LINE -> "certainty-recognised";
                case GUESSED_FROM_PORT -> "certainty-guessed";
                case UNKNOWN -> "certainty-unknown";
            });
        }
    }

    private static VBox section(String titleKey, Feather icon, Node... children) {
        Label title = new Label(Texts.get(titleKey), new FontIcon(icon));
        title.getStyleClass().add("detail-section-title");
        VBox box = new VBox(6, title);
        box.getChildren().addAll(children);
        box.getStyleClass().add("detail-section");
        return box;
    }

    private static Label text(String s) {
        Label l = new Label(s);
        wrap(l);
        return l;
    }

    private static Label bound(ObservableStringValue value) {
        Label l = new Label();
        l.textProperty().bind(value);
        wrap(l);
        l.visibleProperty().bind(Bindings.isNotEmpty(value));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static Label bullet(String s) {
        Label l = text(s);
        l.setGraphic(new FontIcon(Feather.CHEVRON_RIGHT));
        l.getStyleClass().add("detail-bullet");
        return l;
    }

    private static Label strong(Label l) {
        l.getStyleClass().add("detail-strong");
        return l;
    }

    private static Label muted(Label l) {
        l.getStyleClass().add("detail-muted");
        return l;
    }

    private static void wrap(Label l) {
        l.setWrapText(true);
        l.setMinWidth(0);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
