package dev.portside.ui.actions;

import dev.portside.ui.FirstFrame;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One command shown in several places (toolbar, detail pane, context menu): its text, icon,
 * enabled state and tooltip come from the view model, so every copy of it agrees.
 */
class UiAction {

    private final String text;
    /** When set, the words follow it ("End process" or "Stop container shop-web"). */
    private ObservableStringValue liveText;
    private final Ikon icon;
    private final ObservableBooleanValue disabled;
    private final ObservableStringValue tip;
    private final Runnable run;

    UiAction(String text, Ikon icon, ObservableBooleanValue disabled, ObservableStringValue tip, Runnable run) {
        this.text = text;
        this.icon = icon;
        this.disabled = disabled;
        this.tip = tip;
        this.run = run;
    }

    /**
     * A button with this action's id, wrapped so that its tooltip also shows while it is disabled
     * (a disabled control gets no mouse events, so it cannot show its own tooltip): the tooltip
     * that says why.
     */
    /** The words follow {@code words} from now on (buttons and menu items made later). */
    void followText(ObservableStringValue words) {
        liveText = words;
    }

    Node button(String id, boolean showText) {
        Button b = new Button(showText ? text : null, new FontIcon(icon));
        b.setId(id);
        b.setAccessibleText(text);
        if (liveText != null) {
            if (showText) {
                b.textProperty().bind(liveText);
            }
            b.accessibleTextProperty().bind(liveText);
        }
        b.getStyleClass().add("action-button");
        b.disableProperty().bind(disabled);
        b.setMnemonicParsing(false);
        b.setOnAction(e -> run.run());
        StackPane host = new StackPane(b);
        host.getStyleClass().add("action-button-host");
        FirstFrame.later(() -> {
            b.setTooltip(tooltip());
            // A disabled button shows no tooltip: its host says why.
            Tooltip whyNot = tooltip();
            Runnable sync = () -> {
                if (disabled.get()) {
                    Tooltip.install(host, whyNot);
                } else {
                    Tooltip.uninstall(host, whyNot);
                }
            };
            disabled.addListener(o -> sync.run());
            sync.run();
        });
        return host;
    }

    private Tooltip tooltip() {
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(tip);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(360);
        return tooltip;
    }

    MenuItem menuItem(String id) {
        MenuItem item = new MenuItem(text, new FontIcon(icon));
        item.setId(id);
        item.disableProperty().bind(disabled);
        item.setOnAction(e -> run.run());
        return item;
    }

    void run() {
        if (!disabled.get()) {
            run.run();
        }
    }
}
