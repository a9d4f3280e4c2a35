package dev.portside.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * A floor under the window's start-up (docs/PERFORMANCE.md, "Fifth round: the window against its
 * floors"): a JavaFX window with nothing but a {@code TableView} of {@code -Dbench.rows} rows (11 by
 * default) and Portside's nine columns of plain text, styled with the theme Portside's window uses
 * (its trimmed Primer Light). No tool bars, no detail pane, no status bar, no data: what the
 * toolkit itself takes on this machine to show a table of that size, which no Portside window can
 * beat. {@link CliBenchmark} starts it with the window's runtime, JVM options and an archive of its
 * own, interleaved with Portside's window.
 */
public final class TableWindow {

    private static final String[] COLUMNS = {"Protocol", "Address", "Port", "Category", "What", "Process", "PID",
        "User", "Since"};

    private TableWindow() {
    }

    public static void main(String[] args) {
        // like dev.portside.Launcher: the main class must not be the Application on the class path
        Application.launch(Window.class, args);
    }

    /** The window. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Application.setUserAgentStylesheet(Objects.requireNonNull(
                    TableWindow.class.getResource("/dev/portside/ui/theme/primer-light.bss")).toExternalForm());
            TableView<String[]> table = new TableView<>();
            for (int c = 0; c < COLUMNS.length; c++) {
                int column = c;
                TableColumn<String[], String> tc = new TableColumn<>(COLUMNS[c]);
                tc.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue()[column]));
                table.getColumns().add(tc);
            }
            List<String[]> rows = new ArrayList<>();
            for (int r = 0; r < Integer.getInteger("bench.rows", 11); r++) {
                rows.add(new String[] {"TCP", "127.0.0.1", String.valueOf(8000 + r), "Registered",
                    "Python http.server (static files) — shop", "python3", String.valueOf(2900 + r), "root", "18:22:59"});
            }
            table.setItems(FXCollections.observableArrayList(rows));
            // the size Portside's window starts at
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            Scene scene = new Scene(table, Math.min(1360, screen.getWidth() * 0.9), Math.min(800, screen.getHeight() * 0.9));
            stage.setScene(scene);
            stage.show();
            FirstFrameLog.whenShown(scene);
        }
    }
}
