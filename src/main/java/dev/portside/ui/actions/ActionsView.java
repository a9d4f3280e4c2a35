package dev.portside.ui.actions;

import dev.portside.ui.FirstFrame;
import atlantafx.base.theme.Styles;
import dev.portside.knowledge.Texts;
import dev.portside.ui.ports.PortRowViewModel;
import dev.portside.ui.ports.PortsView;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.textfield.CustomTextField;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The actions' nodes: the toolbar group (End, Copy URL, Open, the free-port field), a second set of
 * buttons for the detail pane, the table's context menu and keys, and the outcome in the status bar
 * and as a notification. Builds and binds only; every decision is in {@link ActionsViewModel}.
 */
public final class ActionsView {

    /** Focuses the free-port field. */
    public static final KeyCombination FOCUS_FREE_PORT = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    /** Copies the selected socket's URL. */
    public static final KeyCombination COPY_URL = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    /** Opens the selected socket's URL. */
    public static final KeyCombination OPEN_URL = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final ActionsViewModel model;
    private final KillAction kill;
    private final CopyUrlAction copyUrl;
    private final OpenBrowserAction open;
    private final CustomTextField freePortField = new CustomTextField();
    /** The pop-up under the field that says what is wrong with the port typed; made when first needed. */
    private Tooltip freePortError;
    private final ToolBar toolbarGroup = new ToolBar();

    public ActionsView(ActionsViewModel model) {
        this.model = model;
        this.kill = new KillAction(model);
        this.copyUrl = new CopyUrlAction(model);
        this.open = new OpenBrowserAction(model);
        model.setConfirmer(new DialogKillConfirmer(this::window, model::cancelled));
        buildToolbar();
        model.lastMessageProperty().addListener((o, was, now) -> {
            if (now != null && now.popUp()) {
                notifyUser(now);
            }
        });
        toolbarGroup.sceneProperty().addListener((o, was, now) -> installShortcuts(now));
    }

    /** The action bar: a toolbar row under the main toolbar. */
    public ToolBar toolbar() {
        return toolbarGroup;
    }

    public CustomTextField freePortField() {
        return freePortField;
    }

    /**
     * A second set of End / Copy URL / Open buttons (ids {@code detailKillButton},
     * {@code detailCopyUrlButton}, {@code detailOpenBrowserButton}), for the detail pane's action bar.
     * Call once.
     */
    public List<Node> createDetailButtons() {
        // The detail pane can be narrow: End keeps its words, Copy URL and Open are icons with tooltips.
        Node killButton = kill.button("detailKillButton", true);
        lookupButton(killButton).getStyleClass().add("kill-button");
        lookupButton(killButton).setMinWidth(Region.USE_PREF_SIZE);
        return List.of(killButton, copyUrl.button("detailCopyUrlButton", false),
                open.button("detailOpenBrowserButton", false));
    }

    /**
     * Puts {@link #createDetailButtons()} into the detail pane's action bar while a row is selected
     * (with nothing selected the pane explains the table, and three disabled buttons would only be
     * noise there). The buttons are made when a row is first selected: the window's start builds
     * only what it shows.
     */
    public void placeDetailButtons(javafx.scene.layout.Pane bar) {
        List<List<Node>> made = new ArrayList<>(1);
        Runnable sync = () -> {
            if (model.nothingSelectedProperty().get()) {
                if (!made.isEmpty()) {
                    bar.getChildren().removeAll(made.get(0));
                }
                return;
            }
            if (made.isEmpty()) {
                made.add(createDetailButtons());
            }
            if (!bar.getChildren().containsAll(made.get(0))) {
                bar.getChildren().addAll(0, made.get(0));
            }
        };
        model.nothingSelectedProperty().addListener(o -> sync.run());
        sync.run();
    }

    private void buildToolbar() {
        toolbarGroup.setId("actionsToolbar");
        toolbarGroup.getStyleClass().add("actions-toolbar");

        Node killButton = kill.button("killButton", true);
        toolbarGroup.getItems().addAll(killButton, copyUrl.button("copyUrlButton", true),
                open.button("openBrowserButton", true));
        lookupButton(killButton).getStyleClass().add("kill-button");

        freePortField.setId("freePortField");
        freePortField.setPromptText(Texts.get("action.freePort.prompt"));
        freePortField.setPrefColumnCount(8);
        freePortField.setLeft(new FontIcon(Feather.HASH));
        freePortField.textProperty().bindBidirectional(model.freePortTextProperty());
        FirstFrame.later(() -> freePortField.setTooltip(
                new Tooltip(Texts.get("action.freePort.tooltip", FOCUS_FREE_PORT.getDisplayText()))));
        freePortField.setOnAction(e -> model.freeTypedPort());

        Button freePortButton = new Button(Texts.get("action.button.freePort"));
        freePortButton.setId("freePortButton");
        freePortButton.setMnemonicParsing(false);
        freePortButton.disableProperty().bind(model.stateProperty().isNotEqualTo(KillFlow.State.IDLE));
        freePortButton.setOnAction(e -> model.freeTypedPort());
        FirstFrame.later(() -> freePortButton.setTooltip(new Tooltip(Texts.get("action.freePort.button.tooltip"))));

        model.freePortErrorProperty().addListener((o, was, now) -> {
            freePortField.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty());
            if (now.isEmpty()) {
                if (freePortError != null) {
                    freePortError.hide();
                }
            } else {
                showBelowField();
            }
        });

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label freePortLabel = new Label(Texts.get("action.freePort.label"));
        freePortLabel.setLabelFor(freePortField);
        // In a pane like the action buttons, so all buttons of the bar look alike.
        javafx.scene.layout.StackPane freePortHost = new javafx.scene.layout.StackPane(freePortButton);
        toolbarGroup.getItems().addAll(spacer, freePortLabel, freePortField, freePortHost);
    }

    private static javafx.scene.control.Button lookupButton(Node host) {
        return (javafx.scene.control.Button) ((javafx.scene.layout.Pane) host).getChildren().get(0);
    }

    private void showBelowField() {
        Window w = window();
        if (w == null || !w.isShowing()) {
            return;
        }
        Bounds b = freePortField.localToScreen(freePortField.getBoundsInLocal());
        if (b != null) {
            freePortError().show(freePortField, b.getMinX(), b.getMaxY() + 4);
        }
    }

    /** A pop-up window of its own (a scene, a skin): not made on the way to the window's first frame. */
    private Tooltip freePortError() {
        if (freePortError == null) {
            freePortError = new Tooltip();
            freePortError.setId("freePortError");
            freePortError.setWrapText(true);
            freePortError.setMaxWidth(340);
            freePortError.setAutoHide(true);
            freePortError.getStyleClass().add("free-port-error");
            freePortError.textProperty().bind(model.freePortErrorProperty());
        }
        return freePortError;
    }

    /** The table's context menu (on the selected row) and its Delete key. */
    public void attachTo(TableView<PortRowViewModel> table) {
        MenuItem copyAddress = new MenuItem(Texts.get("action.menu.copyAddress"), new FontIcon(Feather.COPY));
        copyAddress.setId("copyAddressMenuItem");
        copyAddress.disableProperty().bind(model.nothingSelectedProperty());
        copyAddress.setOnAction(e -> model.copyAddress());
        MenuItem copyPid = new MenuItem(Texts.get("action.menu.copyPid"), new FontIcon(Feather.HASH));
        copyPid.setId("copyPidMenuItem");
        copyPid.disableProperty().bind(model.pidUnknownProperty());
        copyPid.setOnAction(e -> model.copyPid());
        MenuItem copyRow = new MenuItem(Texts.get("action.menu.copyRow"), new FontIcon(Feather.CLIPBOARD));
        copyRow.setId("copyRowMenuItem");
        copyRow.disableProperty().bind(model.nothingSelectedProperty());
        copyRow.setOnAction(e -> model.copyRow());
        MenuItem copyUrlItem = copyUrl.menuItem("copyUrlMenuItem");
        copyUrlItem.setText(Texts.get("action.menu.copyUrl"));
        copyUrlItem.setAccelerator(COPY_URL); // shown in the menu; the same command as the scene's shortcut
        MenuItem openItem = open.menuItem("openBrowserMenuItem");
        openItem.setText(Texts.get("action.menu.open"));
        openItem.setAccelerator(OPEN_URL);
        MenuItem killItem = kill.menuItem("killMenuItem");
        killItem.textProperty().bind(model.killMenuTextProperty()); // "Stop container shop-web…" for a container
        killItem.getStyleClass().add("kill-menu-item");

        // A pop-up window of its own, which nobody can open before the window shows (FirstFrame). Others
        // add to the same menu (the watch list's item, TableComfort): it is made by whoever comes first.
        FirstFrame.later(() -> PortsView.contextMenu(table).getItems().addAll(0, List.of(copyUrlItem, copyAddress,
                copyPid, copyRow, openItem, new SeparatorMenuItem(), killItem)));
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE && !e.isShortcutDown()) {
                kill.run();
                e.consume();
            }
        });
    }

    /** The kill's progress and the last outcome in the status bar. */
    public void attachTo(StatusBar bar) {
        bar.progressProperty().bind(model.progressProperty());
        Label outcome = new Label();
        outcome.setId("actionStatus");
        outcome.getStyleClass().add("action-status");
        outcome.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String progress = model.progressTextProperty().get();
            if (!progress.isEmpty()) {
                return progress;
            }
            ActionMessage m = model.lastMessageProperty().get();
            return m == null ? "" : m.text();
        }, model.progressTextProperty(), model.lastMessageProperty()));
        model.lastMessageProperty().addListener((o, was, now) -> {
            outcome.getStyleClass().removeAll("action-status-success", "action-status-warning", "action-status-error");
            if (now != null && now.kind() != ActionMessage.Kind.INFO) {
                outcome.getStyleClass().add("action-status-" + now.kind().name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        // The outcome matters more than the counts beside it: the counts give way first.
        outcome.setMinWidth(Region.USE_PREF_SIZE);
        outcome.setMaxWidth(460);
        FirstFrame.later(() -> {
            Tooltip words = new Tooltip();
            words.textProperty().bind(outcome.textProperty());
            outcome.setTooltip(words);
        });
        javafx.scene.control.Separator gap = new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL);
        gap.visibleProperty().bind(outcome.textProperty().isNotEmpty());
        gap.managedProperty().bind(gap.visibleProperty());
        bar.getRightItems().addAll(0, List.of(outcome, gap));
    }

    private void installShortcuts(Scene scene) {
        if (scene == null) {
            return;
        }
        scene.getAccelerators().put(FOCUS_FREE_PORT, () -> {
            freePortField.requestFocus();
            freePortField.selectAll();
        });
        scene.getAccelerators().put(COPY_URL, copyUrl::run);
        scene.getAccelerators().put(OPEN_URL, open::run);
    }

    private void notifyUser(ActionMessage message) {
        Window w = window();
        if (w == null || !w.isShowing()) {
            return;
        }
        Notifications n = Notifications.create().owner(w).title(Texts.get("app.title")).text(message.text())
                .position(Pos.BOTTOM_RIGHT).hideAfter(Duration.seconds(6)).styleClass("portside-notification");
        switch (message.kind()) {
            case SUCCESS -> n.graphic(icon(Feather.CHECK_CIRCLE, "notification-success")).show();
            case WARNING -> n.graphic(icon(Feather.ALERT_TRIANGLE, "notification-warning")).show();
            case ERROR -> n.graphic(icon(Feather.X_CIRCLE, "notification-error")).show();
            default -> n.graphic(icon(Feather.INFO, "notification-info")).show();
        }
    }

    private static FontIcon icon(Feather f, String styleClass) {
        FontIcon icon = new FontIcon(f);
        icon.setIconSize(24);
        icon.getStyleClass().add(styleClass);
        return icon;
    }

    private Window window() {
        Scene scene = toolbarGroup.getScene();
        return scene == null ? null : scene.getWindow();
    }
}
