package dev.portside.ui.main;

import dev.portside.ui.FirstFrame;
import dev.portside.core.PortCategory;
import dev.portside.knowledge.Texts;
import dev.portside.ui.about.AboutView;
import dev.portside.ui.actions.ActionsView;
import dev.portside.ui.actions.ActionsViewModel;
import dev.portside.core.ListeningSocket;
import dev.portside.ui.detail.DetailView;
import dev.portside.ui.diagnose.DiagnoseView;
import dev.portside.ui.diagnose.DiagnoseViewModel;
import dev.portside.ui.control.ControlBarView;
import dev.portside.ui.control.ExportView;
import dev.portside.ui.control.TableComfort;
import dev.portside.ui.filter.EmptyStateView;
import dev.portside.ui.filter.FilterBarView;
import dev.portside.ui.help.Shortcuts;
import dev.portside.ui.help.ShortcutsView;
import dev.portside.ui.ports.PortRowViewModel;
import dev.portside.ui.ports.PortsView;
import dev.portside.platform.HostSystem;
import dev.portside.ui.settings.ThemeChoice;
import dev.portside.ui.watch.WatchListView;
import dev.portside.ui.theme.ThemeManager;
import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The window's content: toolbar and legend, the port table, the status bar. */
public final class MainView {

    private final MainViewModel model;
    private final ThemeManager theme;
    private final ZoneId zone;
    private final BorderPane root = new BorderPane();
    private final PortsView ports;
    private final DetailView detail;
    private final ActionsView actions;
    private Consumer<String> linkOpener = url -> { };

    private final ThemeChoice themeChoice;
    private final Shortcuts shortcuts = new Shortcuts();
    private ToolBar mainToolbar;
    private final FilterBarView filterBar;
    private final WatchListView watchList;

    public MainView(MainViewModel model, ThemeManager theme, ZoneId zone) {
        this(model, theme, zone, defaultThemeChoice(model, theme), null);
    }

    public MainView(MainViewModel model, ThemeManager theme, ZoneId zone, ThemeChoice themeChoice) {
        this(model, theme, zone, themeChoice, null);
    }

    public MainView(MainViewModel model, ThemeManager theme, ZoneId zone, ActionsViewModel actions) {
        this(model, theme, zone, defaultThemeChoice(model, theme), actions);
    }

    /** Asks the system's preference through the model's runner, like the app's own choice. */
    private static ThemeChoice defaultThemeChoice(MainViewModel model, ThemeManager theme) {
        return new ThemeChoice(theme, HostSystem.current().theme()::prefersDark, model.runner());
    }

    /** @param actions the actions (End, Copy URL, Open, free a port), or null for a window without them */
    public MainView(MainViewModel model, ThemeManager theme, ZoneId zone, ThemeChoice themeChoice,
            ActionsViewModel actions) {
        this.model = model;
        this.theme = theme;
        this.zone = zone;
        this.themeChoice = themeChoice;
        this.ports = new PortsView(model.ports(), zone);
        this.detail = new DetailView(model.detail());
        this.actions = actions == null ? null : new ActionsView(actions);
        registerShortcuts();
        this.filterBar = new FilterBarView(model.filter(), shortcuts.keysOf("shortcut.filter"),
                shortcuts.keysOf("shortcut.filter.reset"));
        this.watchList = new WatchListView(model.watch());
        build();
    }

    /** The actions' nodes (for the detail pane's buttons: {@code actions().createDetailButtons()}), or null. */
    public ActionsView actions() {
        return actions;
    }

    public Parent node() {
        return root;
    }

    public PortsView ports() {
        return ports;
    }

    public DetailView detail() {
        return detail;
    }

    public FilterBarView filterBar() {
        return filterBar;
    }

    public ThemeChoice themeChoice() {
        return themeChoice;
    }

    /** Every keyboard shortcut of the window (the Help → Shortcuts sheet lists them). */
    public Shortcuts shortcuts() {
        return shortcuts;
    }

    /** How web links open (the app's host services); nothing until set. */
    public void setLinkOpener(Consumer<String> opener) {
        this.linkOpener = opener;
    }

    private void build() {
        root.getStyleClass().add("portside-root");
        ToolBar toolbar = toolbar();
        mainToolbar = toolbar;
        StatusBar status = statusBar();
        if (actions != null) {
            root.setTop(new VBox(toolbar, actions.toolbar(), filterBar.node()));
            actions.attachTo(ports.node());
            actions.attachTo(status);
            actions.placeDetailButtons(detail.actionBar());
        } else {
            root.setTop(new VBox(toolbar, filterBar.node()));
        }
        root.setCenter(tableAndDetail());
        root.setBottom(status);
        // From the filter to what it found: Down or Enter goes to the rows (the first one, when none is chosen).
        filterBar.field().addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            var table = ports.node();
            if ((e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) && !table.getItems().isEmpty()) {
                if (table.getSelectionModel().isEmpty()) {
                    table.getSelectionModel().selectFirst();
                    table.getFocusModel().focus(0);
                }
                table.requestFocus();
                e.consume();
            }
        });
        TableComfort.wireTable(ports.node(), model, new EmptyStateView(model.emptyState(), model.filter()::clear,
                model.control()::refreshNow));
        root.sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                shortcuts.install(now);
            }
        });
    }

    private void registerShortcuts() {
        shortcuts.add("shortcut.filter", () -> filterBar.focusField(), KeyCombination.keyCombination("Shortcut+F"));
        shortcuts.describe("Esc", "shortcut.filter.clear");
        shortcuts.describe("\u2193 / Enter", "shortcut.filter.toRows");
        shortcuts.add("shortcut.filter.reset", () -> model.filter().clear(),
                KeyCombination.keyCombination("Shortcut+Shift+F"));
        shortcuts.add("shortcut.refresh", model.control()::refreshNow, new KeyCodeCombination(KeyCode.F5),
                KeyCombination.keyCombination("Shortcut+R"));
        shortcuts.describe(new KeyCodeCombination(KeyCode.SPACE).getDisplayText(), "shortcut.pause");
        shortcuts.add("shortcut.pin", () -> TableComfort.togglePinOfSelection(model),
                KeyCombination.keyCombination("Shortcut+P"));
        shortcuts.add("shortcut.watch", this::showWatchList, KeyCombination.keyCombination("Shortcut+Shift+P"));
        shortcuts.add("shortcut.export", this::exportShown, KeyCombination.keyCombination("Shortcut+E"));
        if (actions != null) {
            // The actions install their own keys; listed here so the sheet shows them.
            shortcuts.describe("Delete", "shortcut.kill");
            shortcuts.describe(ActionsView.COPY_URL.getDisplayText(), "shortcut.copyUrl");
            shortcuts.describe(ActionsView.OPEN_URL.getDisplayText(), "shortcut.openUrl");
            shortcuts.describe(ActionsView.FOCUS_FREE_PORT.getDisplayText(), "shortcut.freePort");
        }
        shortcuts.add("shortcut.theme", () -> theme.setDark(!theme.isDark()), KeyCombination.keyCombination("Shortcut+D"));
        shortcuts.add("shortcut.shortcuts", this::showShortcuts, new KeyCodeCombination(KeyCode.F1));
        shortcuts.describe("\u2191 \u2193 PgUp PgDn Home End", "shortcut.table.move");
        shortcuts.describe("Tab / Shift+Tab", "shortcut.focus.next");
    }

    /**
     * Puts the diagnosis in the window: its field beside "Free a port", its pane under the table and
     * the detail pane, Ctrl+V into the window, and "Can't connect to this?" in the detail pane.
     */
    public DiagnoseView attachDiagnosis(DiagnoseViewModel diagnosis) {
        DiagnoseView view = new DiagnoseView(diagnosis);
        (actions != null ? actions.toolbar() : mainToolbar).getItems().addAll(view.toolbarItems());
        Node tableAndDetail = root.getCenter();
        VBox.setVgrow(tableAndDetail, Priority.ALWAYS);
        view.pane().maxHeightProperty().bind(root.heightProperty().multiply(0.5));
        root.setCenter(new VBox(tableAndDetail, view.pane()));
        view.installPaste(root);
        view.installEscape(root, () -> ports.node().requestFocus());
        ObjectBinding<ListeningSocket> selected = Bindings.createObjectBinding(() -> {
            PortRowViewModel row = model.ports().selectedProperty().get();
            return row == null ? null : row.getSocket();
        }, model.ports().selectedProperty());
        detail.problemLinks().getChildren().add(view.detailLink(selected, selected::get));
        shortcuts.add("shortcut.diagnose", view::focusField, DiagnoseView.FOCUS_FIELD);
        shortcuts.describe(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN).getDisplayText(),
                "shortcut.diagnose.paste");
        if (root.getScene() != null) {
            shortcuts.install(root.getScene());
        }
        return view;
    }

    public void showWatchList() {
        watchList.show(root.getScene() == null ? null : root.getScene().getWindow());
    }

    public void showShortcuts() {
        ShortcutsView.show(root.getScene() == null ? null : root.getScene().getWindow(), shortcuts.all());
    }

    /** Saves the rows shown (listening sockets, in table order) through a file chooser. */
    public void exportShown() {
        ExportView.chooseAndExport(root.getScene() == null ? null : root.getScene().getWindow(), model.export(),
                TableComfort.shownSockets(ports.node()));
    }

    private ControlBarView controlBar() {
        return new ControlBarView(model.control(),
                new ControlBarView.Actions(this::exportShown, this::showWatchList, this::showShortcuts,
                        themeChoice.followSystemProperty(), model.watch().notifyNewExposedProperty()),
                new ControlBarView.Keys(new KeyCodeCombination(KeyCode.SPACE).getDisplayText(),
                        shortcuts.keysOf("shortcut.refresh"), shortcuts.keysOf("shortcut.export"),
                        shortcuts.keysOf("shortcut.watch"), shortcuts.keysOf("shortcut.shortcuts")));
    }

    /** The table on the left, the selected socket explained on the right (about a third of the width). */
    private SplitPane tableAndDetail() {
        ports.node().setMinWidth(320);
        SplitPane split = new SplitPane(ports.node(), detail.node());
        split.setId("mainSplit");
        split.setDividerPositions(0.68); // the table's nine columns at their minimums (PortsView) fit beside the pane in the default 1360 px window
        return split;
    }

    private ToolBar toolbar() {
        Label title = new Label(Texts.get("app.title"));
        title.getStyleClass().add("app-title");
        title.setGraphic(new FontIcon(Feather.RADIO));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        ToggleButton themeToggle = new ToggleButton();
        themeToggle.setId("themeToggle");
        themeToggle.getStyleClass().add("button-icon");
        themeToggle.selectedProperty().bindBidirectional(theme.darkProperty());
        themeToggle.graphicProperty().bind(Bindings.when(theme.darkProperty())
                .then(new FontIcon(Feather.SUN)).otherwise(new FontIcon(Feather.MOON)));
        themeToggle.setAccessibleText(Texts.get("theme.toggle.tooltip"));

        String themeTip = Texts.get("theme.toggle.tooltip") + " (" + shortcuts.keysOf("shortcut.theme") + ")";
        FirstFrame.later(() -> themeToggle.setTooltip(new Tooltip(themeTip)));

        ControlBarView controls = controlBar();
        controls.helpMenu().getItems().addAll(new SeparatorMenuItem(),
                AboutView.menuItem(() -> root.getScene().getWindow(), url -> linkOpener.accept(url)));
        ToolBar bar = new ToolBar(title, controls.node(), spacer, legend(), themeToggle);
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    /** Colour is never the only signal: each chip names its category and range. */
    private HBox legend() {
        HBox legend = new HBox(6);
        legend.setId("legend");
        legend.setAlignment(Pos.CENTER_RIGHT);
        for (PortCategory c : PortCategory.values()) {
            Label chip = new Label(Texts.get("category." + c.id()) + "  " + Texts.get("category." + c.id() + ".range"));
            chip.getStyleClass().addAll("category-chip", "chip-" + c.id());
            FirstFrame.later(() -> chip.setTooltip(new Tooltip(Texts.get("category." + c.id() + ".legend"))));
            chip.setMinWidth(Region.USE_PREF_SIZE);
            legend.getChildren().add(chip);
        }
        legend.setPadding(new Insets(0, 8, 0, 0));
        return legend;
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("statusBar");
        var status = model.status();
        bar.textProperty().bind(Bindings.when(status.errorProperty().isEmpty())
                .then(status.countsProperty())
                .otherwise(status.errorProperty()));
        // Changes only when the ports do: a clock ticking every second would cost the idle window a
        // layout and repaint per second. The time of the last scan is in the tooltip, read on opening.
        Label lastChange = new Label();
        lastChange.setId("lastChangeLabel");
        lastChange.textProperty().bind(status.lastChangeProperty());
        FirstFrame.later(() -> {
            Tooltip scanTip = new Tooltip();
            scanTip.setOnShowing(e -> scanTip.setText(status.lastScan() + "\n" + status.scannerDetailProperty().get()));
            lastChange.setTooltip(scanTip);
        });
        bar.getRightItems().add(lastChange);
        status.errorProperty().addListener((o, was, now) -> {
            bar.getStyleClass().remove("status-error");
            if (!now.isEmpty()) {
                bar.getStyleClass().add("status-error");
            }
        });
        return bar;
    }
}
