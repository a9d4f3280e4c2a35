package dev.portside.ui.main;

import dev.portside.core.PortCategory;
import dev.portside.knowledge.Texts;
import dev.portside.ui.actions.ActionsView;
import dev.portside.ui.actions.ActionsViewModel;
import dev.portside.ui.detail.DetailView;
import dev.portside.ui.ports.PortsView;
import dev.portside.ui.theme.ThemeManager;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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

    public MainView(MainViewModel model, ThemeManager theme, ZoneId zone) {
        this(model, theme, zone, null);
    }

    /** @param actions the actions (End, Copy URL, Open, free a port), or null for a window without them */
    public MainView(MainViewModel model, ThemeManager theme, ZoneId zone, ActionsViewModel actions) {
        this.model = model;
        this.theme = theme;
        this.zone = zone;
        this.ports = new PortsView(model.ports(), zone);
        this.detail = new DetailView(model.detail());
        this.actions = actions == null ? null : new ActionsView(actions);
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

    private void build() {
        root.getStyleClass().add("portside-root");
        ToolBar toolbar = toolbar();
        StatusBar status = statusBar();
        root.setTop(toolbar);
        if (actions != null) {
            root.setTop(new javafx.scene.layout.VBox(toolbar, actions.toolbar()));
            actions.attachTo(ports.node());
            actions.attachTo(status);
            actions.placeDetailButtons(detail.actionBar());
        }
        root.setCenter(tableAndDetail());
        root.setBottom(status);
    }

    /** The table on the left, the selected socket explained on the right (about a third of the width). */
    private SplitPane tableAndDetail() {
        ports.node().setMinWidth(320);
        SplitPane split = new SplitPane(ports.node(), detail.node());
        split.setId("mainSplit");
        split.setDividerPositions(0.64);
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
        themeToggle.setTooltip(new Tooltip(Texts.get("theme.toggle.tooltip")));
        themeToggle.setAccessibleText(Texts.get("theme.toggle.tooltip"));

        ToolBar bar = new ToolBar(title, spacer, legend(), themeToggle);
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
            chip.setTooltip(new Tooltip(Texts.get("category." + c.id() + ".legend")));
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
        Label lastPoll = new Label();
        lastPoll.setId("lastPollLabel");
        lastPoll.textProperty().bind(status.lastPollProperty());
        Tooltip scannerTip = new Tooltip();
        scannerTip.textProperty().bind(Bindings.createStringBinding(
                () -> Texts.get("status.scanner.tooltip", status.scannerProperty().get()),
                status.scannerProperty()));
        lastPoll.setTooltip(scannerTip);
        bar.getRightItems().add(lastPoll);
        status.errorProperty().addListener((o, was, now) -> {
            bar.getStyleClass().remove("status-error");
            if (!now.isEmpty()) {
                bar.getStyleClass().add("status-error");
            }
        });
        return bar;
    }
}
