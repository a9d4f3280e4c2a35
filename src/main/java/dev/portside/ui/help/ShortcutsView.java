package dev.portside.ui.help;

import dev.portside.knowledge.Texts;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/** Help → Keyboard shortcuts: every shortcut of the window in a plain two-column sheet. */
public final class ShortcutsView {

    public static final String ID = "shortcutsSheet";

    private ShortcutsView() {
    }

    /** The sheet's content, also used by tests. */
    public static VBox content(List<Shortcut> shortcuts) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        int row = 0;
        for (Shortcut s : shortcuts) {
            Label keys = new Label(s.keys());
            keys.getStyleClass().add("shortcut-keys");
            Label what = new Label(Texts.get(s.textKey()));
            what.setWrapText(true);
            grid.addRow(row++, keys, what);
        }
        Label header = new Label(Texts.get("help.shortcuts.header"));
        header.setWrapText(true);
        header.setMaxWidth(520);
        VBox box = new VBox(12, header, grid);
        box.setId(ID);
        box.setPadding(new Insets(8, 4, 4, 4));
        return box;
    }

    /** Opens the sheet beside the window (not modal: it may stay open while the user tries the keys). */
    public static Dialog<ButtonType> show(Window owner, List<Shortcut> shortcuts) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle(Texts.get("help.shortcuts.title"));
        dialog.setHeaderText(null);
        dialog.getDialogPane().setContent(content(shortcuts));
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(Texts.get("help.shortcuts.close"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        dialog.show();
        return dialog;
    }
}
