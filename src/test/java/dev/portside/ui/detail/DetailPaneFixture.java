package dev.portside.ui.detail;

import dev.portside.poll.PollingService;
import dev.portside.scan.PortScanner;
import dev.portside.ui.main.MainView;
import dev.portside.ui.main.MainViewModel;
import dev.portside.ui.ports.PortRowViewModel;
import dev.portside.ui.theme.ThemeManager;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real window content (table and detail pane) on a scanner, polled as in the app. */
final class DetailPaneFixture implements AutoCloseable {

    final MainViewModel model;
    final MainView view;
    final Stage stage;
    private final PollingService polling;

    DetailPaneFixture(Stage stage, PortScanner scanner, double width) {
        this.stage = stage;
        ThemeManager theme = new ThemeManager();
        theme.apply();
        ZoneId zone = ZoneId.systemDefault();
        model = new MainViewModel(zone);
        view = new MainView(model, theme, zone);
        Scene scene = new Scene(view.node(), width, 680);
        scene.getStylesheets().add(Objects.requireNonNull(
                getClass().getResource("/dev/portside/ui/portside.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
        polling = new PollingService(scanner, Platform::runLater, model);
        polling.start();
    }

    @SuppressWarnings("unchecked")
    TableView<PortRowViewModel> table(FxRobot robot) {
        return (TableView<PortRowViewModel>) robot.lookup("#portTable").query();
    }

    /**
     * Waits for the row, scrolls to it and clicks it, as a user would. Other programs on this machine
     * open and close sockets meanwhile, so a row can move between finding and clicking it: try again.
     */
    void clickRow(FxRobot robot, Predicate<PortRowViewModel> which) throws TimeoutException {
        TableView<PortRowViewModel> table = table(robot);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> table.getItems().stream().anyMatch(which)));
        PortRowViewModel row = onFx(() -> table.getItems().stream().filter(which).findFirst().orElseThrow());
        for (int attempt = 1; ; attempt++) {
            robot.interact(() -> table.scrollTo(row));
            Node cell = robot.lookup(".table-row-cell")
                    .match(n -> n instanceof TableRow<?> r && r.getItem() == row && shown(r)).query();
            robot.clickOn(cell);
            try {
                WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS,
                        () -> onFx(() -> model.ports().selectedProperty().get() == row));
                return;
            } catch (TimeoutException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** Scrolls the detail pane so that a node inside it is in view. */
    void scrollIntoView(FxRobot robot, Node node) {
        javafx.scene.control.ScrollPane scroll = robot.lookup(".detail-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> {
            Node content = scroll.getContent();
            double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
            double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / room)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every visible text in the detail pane, joined by new lines. */
    String paneText(FxRobot robot) {
        Parent pane = (Parent) robot.lookup("#" + DetailView.PANE_ID).query();
        return onFx(() -> pane.lookupAll(".label").stream().filter(DetailPaneFixture::shown)
                .map(n -> ((Labeled) n).getText()).filter(Objects::nonNull).collect(Collectors.joining("\n")));
    }

    void waitForPane(FxRobot robot, Predicate<String> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> condition.test(paneText(robot)));
    }

    static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    static <T> T onFx(java.util.concurrent.Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        polling.close();
    }
}
