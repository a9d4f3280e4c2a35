package dev.portside.ui.control;

import dev.portside.ui.FirstFrame;
import atlantafx.base.theme.Styles;
import dev.portside.knowledge.Texts;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The toolbar's controls: pause/resume, refresh now, poll interval, export, watch list, options and
 * help. Each tooltip names its shortcut.
 */
public final class ControlBarView {

    /** What the buttons do that is not the control view model's. */
    public record Actions(Runnable export, Runnable openWatchList, Runnable openShortcuts, BooleanProperty followSystemTheme,
            BooleanProperty notifyNewExposed) {
    }

    /** The shortcut texts shown in tooltips. */
    public record Keys(String pause, String refresh, String export, String watch, String shortcuts) {
    }

    private final HBox box = new HBox(4);
    private final MenuButton help;

    public ControlBarView(ControlViewModel model, Actions actions, Keys keys) {
        box.setId("controlBar");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);

        ToggleButton pause = new ToggleButton();
        pause.setId("pauseButton");
        pause.getStyleClass().add(Styles.BUTTON_ICON);
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        pause.graphicProperty().bind(Bindings.when(model.pausedProperty())
                .then(new FontIcon(Feather.PLAY)).otherwise(new FontIcon(Feather.PAUSE)));
        var pauseWords = Bindings.when(model.pausedProperty())
                .then(Texts.get("control.resume.tooltip", keys.pause()))
                .otherwise(Texts.get("control.pause.tooltip", keys.pause()));
        FirstFrame.later(() -> {
            Tooltip pauseTip = new Tooltip();
            pauseTip.textProperty().bind(pauseWords);
            pause.setTooltip(pauseTip);
        });
        pause.accessibleTextProperty().bind(pauseWords);

        Label paused = new Label(Texts.get("control.paused"));
        paused.setId("pausedLabel");
        paused.getStyleClass().add("paused-label");
        paused.visibleProperty().bind(model.pausedProperty());
        paused.managedProperty().bind(paused.visibleProperty());
        paused.setMinWidth(Region.USE_PREF_SIZE);

        Button refresh = iconButton("refreshButton", Feather.REFRESH_CW, Texts.get("control.refresh.tooltip", keys.refresh()));
        refresh.setOnAction(e -> model.refreshNow());

        ComboBox<Duration> interval = new ComboBox<>();
        interval.setId("intervalChoice");
        interval.getItems().setAll(ControlViewModel.INTERVALS);
        StringConverter<Duration> words = new StringConverter<>() {
            @Override
            public String toString(Duration d) {
                return d == null ? "" : Texts.get("control.interval.item", seconds(d));
            }

            @Override
            public Duration fromString(String s) {
                return ControlViewModel.DEFAULT_INTERVAL;
            }
        };
        interval.setConverter(words);
        interval.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Duration item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : words.toString(item));
            }
        });
        interval.valueProperty().bindBidirectional(model.intervalProperty());
        FirstFrame.later(() -> interval.setTooltip(new Tooltip(Texts.get("control.interval.tooltip"))));
        interval.setAccessibleText(Texts.get("control.interval.tooltip"));
        interval.setMinWidth(Region.USE_PREF_SIZE);

        Button export = iconButton("exportButton", Feather.DOWNLOAD, Texts.get("control.export.tooltip", keys.export()));
        export.setOnAction(e -> actions.export().run());

        Button watch = iconButton("watchButton", Feather.EYE, Texts.get("watch.button.tooltip", keys.watch()));
        watch.setOnAction(e -> actions.openWatchList().run());

        CheckMenuItem followSystem = new CheckMenuItem(Texts.get("options.followSystemTheme"));
        followSystem.setId("followSystemThemeItem");
        followSystem.selectedProperty().bindBidirectional(actions.followSystemTheme());
        CheckMenuItem notifyExposed = new CheckMenuItem(Texts.get("watch.notifyExposed"));
        notifyExposed.setId("notifyExposedItem");
        notifyExposed.selectedProperty().bindBidirectional(actions.notifyNewExposed());
        MenuItem watchItem = new MenuItem(Texts.get("watch.title") + "\u2026");
        watchItem.setOnAction(e -> actions.openWatchList().run());
        MenuButton options = new MenuButton(null, new FontIcon(Feather.SETTINGS), followSystem, notifyExposed,
                new SeparatorMenuItem(), watchItem);
        options.setId("optionsMenu");
        options.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        FirstFrame.later(() -> options.setTooltip(new Tooltip(Texts.get("options.tooltip"))));
        options.setAccessibleText(Texts.get("options.tooltip"));

        MenuItem shortcuts = new MenuItem(Texts.get("help.shortcuts") + "  (" + keys.shortcuts() + ")");
        shortcuts.setId("shortcutsItem");
        shortcuts.setOnAction(e -> actions.openShortcuts().run());
        help = new MenuButton(null, new FontIcon(Feather.HELP_CIRCLE), shortcuts);
        help.setId("helpMenu");
        help.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        FirstFrame.later(() -> help.setTooltip(new Tooltip(Texts.get("help.tooltip"))));
        help.setAccessibleText(Texts.get("help.tooltip"));

        List<Node> nodes = List.of(pause, paused, refresh, interval, export, watch, options, help);
        box.getChildren().setAll(nodes);
    }

    public HBox node() {
        return box;
    }

    /** The help menu, for others to add their items (About). */
    public MenuButton helpMenu() {
        return help;
    }

    /** "0.5", "1", "2", "5". */
    static String seconds(Duration d) {
        return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.getDefault()))
                .format(d.toMillis() / 1000.0);
    }

    private static Button iconButton(String id, Feather icon, String tooltip) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().add(Styles.BUTTON_ICON);
        FirstFrame.later(() -> b.setTooltip(new Tooltip(tooltip)));
        b.setAccessibleText(tooltip);
        return b;
    }
}
