package dev.portside.ui.watch;

import atlantafx.base.theme.Styles;
import dev.portside.knowledge.Texts;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The watch list window: type a port and pin it, see and remove pinned ports, and switch the
 * "new socket on every interface" notification on or off. Non-modal, so the table stays usable.
 */
public final class WatchListView {

    public static final String ID = "watchListPane";

    private final WatchListViewModel model;
    private final VBox content = new VBox(10);
    private Dialog<ButtonType> dialog;

    /** Its nodes are made when first shown (or asked for): the window's start builds only what it shows. */
    public WatchListView(WatchListViewModel model) {
        this.model = model;
        content.setId(ID);
    }

    public VBox node() {
        if (content.getChildren().isEmpty()) {
            build();
        }
        return content;
    }

    /** Opens the window, or brings it to the front when it is open. */
    public void show(Window owner) {
        if (dialog != null && dialog.isShowing()) {
            dialog.getDialogPane().getScene().getWindow().requestFocus();
            return;
        }
        dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle(Texts.get("watch.title"));
        dialog.setHeaderText(null);
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(node());
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(Texts.get("watch.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        dialog.setOnShown(e -> content.lookup("#watchPortField").requestFocus());
        dialog.show();
    }

    private void build() {
        content.setPadding(new Insets(4));
        content.setPrefWidth(440);

        Label header = new Label(Texts.get("watch.header"));
        header.setWrapText(true);

        TextField portField = new TextField();
        portField.setId("watchPortField");
        portField.setPromptText(Texts.get("watch.input.prompt"));
        portField.textProperty().bindBidirectional(model.inputProperty());
        portField.setOnAction(e -> model.addFromInput());
        HBox.setHgrow(portField, Priority.ALWAYS);
        Button add = new Button(Texts.get("watch.add"), new FontIcon(Feather.EYE));
        add.setId("watchAddButton");
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> model.addFromInput());
        add.setMinWidth(Region.USE_PREF_SIZE);
        HBox addRow = new HBox(8, portField, add);
        addRow.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("watchInputError");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(model.inputErrorProperty());
        error.visibleProperty().bind(model.inputErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        ListView<Integer> list = new ListView<>(model.pinnedPorts());
        list.setId("watchList");
        list.setPrefHeight(180);
        list.setPlaceholder(new Label(Texts.get("watch.empty")));
        list.setCellFactory(v -> new PortCell());
        list.setOnKeyPressed(e -> {
            Integer port = list.getSelectionModel().getSelectedItem();
            if (port != null && (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE)) {
                model.unpin(port);
                e.consume();
            }
        });

        CheckBox notifyExposed = new CheckBox(Texts.get("watch.notifyExposed"));
        notifyExposed.setId("notifyExposedCheck");
        notifyExposed.setWrapText(true);
        notifyExposed.selectedProperty().bindBidirectional(model.notifyNewExposedProperty());

        CheckBox systemNotifications = new CheckBox(Texts.get("watch.systemNotifications"));
        systemNotifications.setId("systemNotificationsCheck");
        systemNotifications.setWrapText(true);
        systemNotifications.selectedProperty().bindBidirectional(model.systemNotificationsProperty());

        content.getChildren().setAll(header, addRow, error, list, notifyExposed, systemNotifications);
    }

    /** A pinned port with a remove button. */
    private final class PortCell extends ListCell<Integer> {
        private final Label port = new Label();
        private final Button remove = new Button(null, new FontIcon(Feather.X));
        private final HBox box;

        PortCell() {
            remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
            remove.setOnAction(e -> {
                if (getItem() != null) {
                    model.unpin(getItem());
                }
            });
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            box = new HBox(8, new FontIcon(Feather.EYE), port, spacer, remove);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            port.setText(String.valueOf(item));
            remove.setTooltip(new Tooltip(Texts.get("watch.remove.tooltip", item)));
            remove.setAccessibleText(Texts.get("watch.remove.tooltip", item));
            setGraphic(box);
        }
    }
}
