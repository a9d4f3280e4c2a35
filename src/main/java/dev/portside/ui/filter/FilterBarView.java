package dev.portside.ui.filter;

import dev.portside.ui.FirstFrame;
import atlantafx.base.theme.Styles;
import dev.portside.core.IpFamily;
import dev.portside.core.PortCategory;
import dev.portside.core.Protocol;
import dev.portside.knowledge.Texts;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The filter bar under the toolbar: search field, toggles, reach, and the shown/total count. */
public final class FilterBarView {

    public static final String FIELD_ID = "filterField";

    private final FilterBarViewModel model;
    private final ToolBar bar = new ToolBar();
    private final CustomTextField field = (CustomTextField) TextFields.createClearableTextField();

    public FilterBarView(FilterBarViewModel model, String focusKeys, String resetKeys) {
        this.model = model;
        build(focusKeys, resetKeys);
    }

    public ToolBar node() {
        return bar;
    }

    public TextField field() {
        return field;
    }

    /** Puts the cursor in the search field, its text selected so typing replaces it. */
    public void focusField() {
        field.requestFocus();
        field.selectAll();
    }

    private void build(String focusKeys, String resetKeys) {
        bar.setId("filterBar");
        bar.getStyleClass().add("filter-bar");

        field.setId(FIELD_ID);
        field.setPromptText(Texts.get("filter.prompt"));
        field.setLeft(new FontIcon(Feather.SEARCH));
        field.setPrefColumnCount(22);
        FirstFrame.later(() -> field.setTooltip(wrapping(new Tooltip(Texts.get("filter.tooltip", focusKeys)))));
        field.setAccessibleText(Texts.get("filter.prompt"));
        field.textProperty().bindBidirectional(model.textProperty());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !field.getText().isEmpty()) {
                field.clear();
                e.consume();
            }
        });

        HBox protocols = group(
                toggle("filterTcp", Protocol.TCP.label(), Texts.get("filter.protocol.tooltip", Protocol.TCP.label()),
                        model.protocolProperty(Protocol.TCP)),
                toggle("filterUdp", Protocol.UDP.label(), Texts.get("filter.protocol.tooltip", Protocol.UDP.label()),
                        model.protocolProperty(Protocol.UDP)));
        HBox families = group(
                toggle("filterIpv4", IpFamily.IPV4.label(), Texts.get("filter.family.tooltip", IpFamily.IPV4.label()),
                        model.familyProperty(IpFamily.IPV4)),
                toggle("filterIpv6", IpFamily.IPV6.label(), Texts.get("filter.family.tooltip", IpFamily.IPV6.label()),
                        model.familyProperty(IpFamily.IPV6)));
        ToggleButton[] cats = new ToggleButton[PortCategory.values().length];
        for (PortCategory c : PortCategory.values()) {
            String name = Texts.get("category." + c.id());
            String id = switch (c) {
                case WELL_KNOWN -> "filterWellKnown";
                case REGISTERED -> "filterRegistered";
                case DYNAMIC -> "filterDynamic";
            };
            cats[c.ordinal()] = toggle(id, name,
                    Texts.get("filter.category.tooltip", name, Texts.get("category." + c.id() + ".range")),
                    model.categoryProperty(c));
            cats[c.ordinal()].getStyleClass().add("filter-" + c.id());
        }
        HBox categories = group(cats);

        ComboBox<ScopeFilter> scope = new ComboBox<>();
        scope.setId("scopeFilter");
        scope.getItems().setAll(ScopeFilter.values());
        scope.setConverter(new StringConverter<>() {
            @Override
            public String toString(ScopeFilter s) {
                return s == null ? "" : Texts.get("filter.scope." + s.id());
            }

            @Override
            public ScopeFilter fromString(String s) {
                return ScopeFilter.ALL;
            }
        });
        scope.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(ScopeFilter item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Texts.get("filter.scope." + item.id()));
            }
        });
        scope.valueProperty().bindBidirectional(model.scopeProperty());
        FirstFrame.later(() -> scope.setTooltip(wrapping(new Tooltip(Texts.get("filter.scope.tooltip")))));

        Button clear = new Button(Texts.get("filter.clear"));
        clear.setId("clearFilterButton");
        clear.getStyleClass().add(Styles.FLAT);
        FirstFrame.later(() -> clear.setTooltip(new Tooltip(Texts.get("filter.clear.tooltip", resetKeys))));
        clear.setOnAction(e -> model.clear());
        clear.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(model::isActive,
                model.activeProperty()));
        clear.managedProperty().bind(clear.visibleProperty());

        // The count sits inside the field, so it stays visible however narrow the window is.
        Label count = new Label();
        count.setId("filterCountLabel");
        count.getStyleClass().add("filter-count");
        count.textProperty().bind(model.countTextProperty());
        count.setMinWidth(Region.USE_PREF_SIZE);
        field.setRight(count);

        List<Node> items = List.of(field, protocols, families, categories, scope, clear);
        bar.getItems().setAll(items);
    }

    private static Tooltip wrapping(Tooltip tip) {
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        return tip;
    }

    private static ToggleButton toggle(String id, String text, String tooltip, BooleanProperty selected) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        FirstFrame.later(() -> b.setTooltip(new Tooltip(tooltip)));
        b.setFocusTraversable(true);
        b.selectedProperty().bindBidirectional(selected);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    /** Buttons joined as one pill (AtlantaFX). */
    private static HBox group(ToggleButton... buttons) {
        for (int i = 0; i < buttons.length; i++) {
            buttons[i].getStyleClass().add(buttons.length == 1 ? "" : i == 0 ? Styles.LEFT_PILL
                    : i == buttons.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
        }
        HBox box = new HBox(buttons);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }
}
