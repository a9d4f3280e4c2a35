package dev.portside.ui.control;

import dev.portside.ui.FirstFrame;
import dev.portside.core.ListeningSocket;
import dev.portside.knowledge.Texts;
import dev.portside.ui.filter.EmptyStateView;
import dev.portside.ui.main.MainViewModel;
import dev.portside.ui.ports.PortRowViewModel;
import dev.portside.ui.ports.PortsView;
import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What this feature adds to the port table without owning it: the state-aware placeholder, Space
 * to pause, and "Pin port N" in the context menu.
 */
public final class TableComfort {

    private TableComfort() {
    }

    public static void wireTable(TableView<PortRowViewModel> table, MainViewModel model, EmptyStateView empty) {
        table.setPlaceholder(empty.node());
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()) {
                model.control().togglePaused();
                e.consume();
            }
        });
        // The table's menu is a pop-up window of its own, made after the first frame (FirstFrame); the
        // watch list's item goes last, after the actions' items (ActionsView adds them first).
        FirstFrame.later(() -> {
            MenuItem pin = new MenuItem();
            pin.setId("pinMenuItem");
            pin.setGraphic(new FontIcon(Feather.EYE));
            pin.setOnAction(e -> togglePinOfSelection(model));
            ContextMenu menu = PortsView.contextMenu(table);
            menu.getItems().add(pin);
            menu.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWING, e -> {
                PortRowViewModel row = model.ports().selectedProperty().get();
                pin.setVisible(row != null);
                if (row != null) {
                    pin.setText(Texts.get(model.watch().isPinned(row.port()) ? "watch.unpin.menu" : "watch.pin.menu",
                            row.port()));
                }
            });
        });
    }

    /** Pins the selected row's port, or unpins it. */
    public static void togglePinOfSelection(MainViewModel model) {
        PortRowViewModel row = model.ports().selectedProperty().get();
        if (row != null) {
            model.watch().toggle(row.port());
        }
    }

    /** The sockets of the rows the table shows, in its order, without closing or "not listening" rows. */
    public static List<ListeningSocket> shownSockets(TableView<PortRowViewModel> table) {
        return table.getItems().stream().filter(PortRowViewModel::isListening).map(PortRowViewModel::getSocket)
                .toList();
    }
}
