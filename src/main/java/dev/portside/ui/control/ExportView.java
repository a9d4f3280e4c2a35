package dev.portside.ui.control;

import dev.portside.core.ListeningSocket;
import dev.portside.knowledge.Texts;
import dev.portside.ui.control.ExportViewModel.Format;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The file chooser of "Save the shown sockets"; the view model writes the file in the background. */
public final class ExportView {

    private ExportView() {
    }

    public static void chooseAndExport(Window owner, ExportViewModel model, List<ListeningSocket> sockets) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.get("control.export.title"));
        FileChooser.ExtensionFilter csv = new FileChooser.ExtensionFilter(Texts.get("control.export.csv"), "*.csv");
        FileChooser.ExtensionFilter json = new FileChooser.ExtensionFilter(Texts.get("control.export.json"), "*.json");
        chooser.getExtensionFilters().setAll(csv, json);
        chooser.setSelectedExtensionFilter(csv);
        chooser.setInitialFileName("portside-sockets.csv");
        File home = new File(System.getProperty("user.home", "."));
        if (home.isDirectory()) {
            chooser.setInitialDirectory(home);
        }
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return;
        }
        Path path = file.toPath();
        String name = file.getName().toLowerCase(java.util.Locale.ROOT);
        Format format;
        if (name.endsWith(".json") || name.endsWith(".csv")) {
            format = Format.forFile(path);
        } else {
            // No extension typed: take the chosen type and add its extension.
            format = chooser.getSelectedExtensionFilter() == json ? Format.JSON : Format.CSV;
            path = path.resolveSibling(file.getName() + "." + format.extension());
        }
        model.export(path, format, sockets);
    }
}
