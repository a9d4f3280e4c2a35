package dev.portside.ui.main;

import static dev.portside.testing.FakeScanner.tcp;
import static dev.portside.testing.FakeScanner.udp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.PortsideApp;
import dev.portside.testing.FakeScanner;
import dev.portside.ui.ports.PortRowViewModel;
import dev.portside.ui.ports.RowState;
import dev.portside.ui.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole app on a fake scanner: filter, watch list and remembered settings, driven like a user. */
@ExtendWith(ApplicationExtension.class)
class ComfortFxTest {

    @TempDir
    Path settingsDir;

    private final FakeScanner scanner = new FakeScanner();
    private final List<String> notifications = new CopyOnWriteArrayList<>();
    private PortsideApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        scanner.set(tcp("127.0.0.1", 3000, 4242, "node"), tcp("0.0.0.0", 5432, 777, "postgres"),
                udp("::1", 53, 55, "dnsmasq"));
        app = launch(stage);
        // the shared stage keeps the size another test gave it (KillDialogViewFxTest: 400 x 300);
        // the app's own stage starts at its scene's size
        stage.sizeToScene();
    }

    private PortsideApp launch(Stage on) {
        PortsideApp.useScanner(() -> scanner);
        PortsideApp.useSettings(() -> new SettingsStore(settingsDir));
        PortsideApp.useNotifier(w -> (title, text) -> notifications.add(title + " | " + text));
        PortsideApp started = new PortsideApp();
        started.start(on);
        return started;
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        robot.interact(() -> {
            app.stop();
            stage.close();
        });
        PortsideApp.useSettings(SettingsStore::inDefaultDirectory);
        PortsideApp.useSystemNotifier();
    }

    @SuppressWarnings("unchecked")
    private static TableView<PortRowViewModel> table(FxRobot robot, Stage in) {
        return (TableView<PortRowViewModel>) robot.from(in.getScene().getRoot()).lookup("#portTable").query();
    }

    private static List<Integer> shownPorts(TableView<PortRowViewModel> table) {
        return table.getItems().stream().map(PortRowViewModel::port).toList();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void typingInTheFilterFieldNarrowsTheTable(FxRobot robot) throws Exception {
        TableView<PortRowViewModel> table = table(robot, stage);
        waitUntil(() -> table.getItems().size() == 3);

        robot.clickOn("#portTable");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        TextField field = robot.lookup("#filterField").queryAs(TextField.class);
        waitUntil(field::isFocused);
        robot.write("node");
        waitUntil(() -> shownPorts(table).equals(List.of(3000)));
        assertThat(robot.lookup("#filterCountLabel").queryAs(Label.class).getText()).isEqualTo("1 of 3 shown");

        robot.eraseText(4).write(":99999");
        waitUntil(table.getItems()::isEmpty);
        assertThat(robot.lookup("#emptyStateTitle").queryAs(Label.class).getText())
                .isEqualTo("No socket matches the filter.");
        assertThat(robot.lookup("#emptyStateTitle").query().isVisible()).isTrue();

        robot.clickOn("#emptyClearFilterButton");
        waitUntil(() -> table.getItems().size() == 3);
        assertThat(field.getText()).isEmpty();

        robot.clickOn("#filterUdp");
        waitUntil(() -> shownPorts(table).equals(List.of(53)) == false && table.getItems().size() == 2);
        assertThat(shownPorts(table)).containsExactly(3000, 5432);
    }

    @Test
    void aPinnedPortShowsWhenNothingListensAndItsOpeningIsAnnounced(FxRobot robot) throws Exception {
        TableView<PortRowViewModel> table = table(robot, stage);
        waitUntil(() -> table.getItems().size() == 3);

        robot.clickOn("#watchButton");
        robot.clickOn("#watchPortField").write("8080");
        robot.clickOn("#watchAddButton");
        waitUntil(() -> shownPorts(table).contains(8080));
        PortRowViewModel pinned = table.getItems().stream().filter(r -> r.port() == 8080).findFirst().orElseThrow();
        assertThat(pinned.getState()).isEqualTo(RowState.NOT_LISTENING);
        Node row = robot.from(table).lookup(".row-not-listening").query();
        assertThat(row).isNotNull();
        assertThat(robot.from(row).lookup("not listening").tryQuery()).isPresent();
        assertThat(robot.lookup("#filterCountLabel").queryAs(Label.class).getText())
                .as("a port where nothing listens is not a socket").isEqualTo("3 sockets listening");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE); // closes the watch list window

        scanner.set(tcp("127.0.0.1", 3000, 4242, "node"), tcp("0.0.0.0", 5432, 777, "postgres"),
                udp("::1", 53, 55, "dnsmasq"), tcp("127.0.0.1", 8080, 9090, "python3"));
        waitUntil(() -> notifications.stream().anyMatch(n -> n.startsWith("Port 8080 is open")));
        assertThat(notifications).anyMatch(n -> n.contains("python3 (pid 9090)"));
        waitUntil(() -> table.getItems().stream().anyMatch(r -> r.port() == 8080 && r.isListening() && r.isPinned()));
        assertThat(table.getItems()).filteredOn(r -> r.port() == 8080).hasSize(1);
    }

    @Test
    void theSettingsSurviveARestart(FxRobot robot) throws Exception {
        TableView<PortRowViewModel> table = table(robot, stage);
        waitUntil(() -> table.getItems().size() == 3);

        robot.clickOn("#filterField").write("postgres");
        robot.clickOn("#filterIpv6");
        robot.clickOn("#themeToggle");
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Duration> interval = robot.lookup("#intervalChoice").queryAs(ComboBox.class);
            interval.setValue(Duration.ofSeconds(5));
            // Process column first and 300 px wide, sorted by PID descending.
            var process = table.getColumns().stream().filter(c -> "processColumn".equals(c.getId())).findFirst()
                    .orElseThrow();
            table.getColumns().remove(process);
            table.getColumns().add(0, process);
            process.setPrefWidth(300);
            var pid = table.getColumns().stream().filter(c -> "pidColumn".equals(c.getId())).findFirst().orElseThrow();
            pid.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(pid));
            stage.setWidth(960);
            stage.setHeight(620);
            ((javafx.scene.control.SplitPane) stage.getScene().lookup("#mainSplit")).setDividerPositions(0.55);
        });
        robot.clickOn("#watchButton");
        robot.clickOn("#watchPortField").write("3000, 6543");
        robot.clickOn("#watchAddButton");
        javafx.scene.control.ListView<?> watchList = robot.lookup("#watchList").queryAs(javafx.scene.control.ListView.class);
        waitUntil(() -> watchList.getItems().size() == 2);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

        double processWidth = table.getColumns().get(0).getWidth();
        robot.interact(() -> {
            app.stop();
            stage.close();
        });

        Stage[] second = new Stage[1];
        robot.interact(() -> {
            second[0] = new Stage();
            app = launch(second[0]);
        });
        stage = second[0];
        TableView<PortRowViewModel> again = table(robot, stage);
        waitUntil(() -> shownPorts(again).contains(5432));

        var root = stage.getScene().getRoot();
        assertThat(robot.from(root).lookup("#filterField").queryAs(TextField.class).getText()).isEqualTo("postgres");
        assertThat(robot.from(root).lookup("#filterIpv6").queryAs(ToggleButton.class).isSelected()).isFalse();
        assertThat(robot.from(root).lookup("#filterIpv4").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(javafx.application.Application.getUserAgentStylesheet()).containsIgnoringCase("dark");
        assertThat(robot.from(root).lookup("#intervalChoice").queryAs(ComboBox.class).getValue())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(again.getColumns().get(0).getId()).isEqualTo("processColumn");
        assertThat(again.getColumns().get(0).getPrefWidth()).isEqualTo(processWidth);
        assertThat(again.getSortOrder()).extracting(c -> c.getId()).containsExactly("pidColumn");
        assertThat(again.getSortOrder().get(0).getSortType())
                .isEqualTo(javafx.scene.control.TableColumn.SortType.DESCENDING);
        assertThat(stage.getWidth()).isEqualTo(960.0);
        assertThat(stage.getHeight()).isEqualTo(620.0);
        assertThat(((javafx.scene.control.SplitPane) root.lookup("#mainSplit")).getDividerPositions()[0])
                .isCloseTo(0.55, org.assertj.core.data.Offset.offset(0.02));
        // The watch list: 3000 listens, 6543 does not, so the filter "postgres" hides both, and clearing shows them.
        robot.interact(() -> robot.from(root).lookup("#filterField").queryAs(TextField.class).clear());
        waitUntil(() -> shownPorts(again).contains(6543));
        assertThat(again.getItems()).filteredOn(r -> r.port() == 6543).singleElement()
                .extracting(PortRowViewModel::getState).isEqualTo(RowState.NOT_LISTENING);
        assertThat(again.getItems()).filteredOn(r -> r.port() == 3000).singleElement()
                .extracting(PortRowViewModel::isPinned).isEqualTo(true);
    }

    @Test
    void spacePausesTheTableAndF5StillRefreshesIt(FxRobot robot) throws Exception {
        TableView<PortRowViewModel> table = table(robot, stage);
        waitUntil(() -> table.getItems().size() == 3);
        robot.clickOn("#portTable");
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        waitUntil(() -> robot.lookup("#pausedLabel").query().isVisible());
        int scansWhenPaused = scanner.scanCount();

        scanner.set(tcp("127.0.0.1", 3000, 4242, "node"));
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitUntil(() -> scanner.scanCount() == scansWhenPaused + 1);
        waitUntil(() -> table.getItems().stream().filter(PortRowViewModel::isListening).count() == 1);
        assertThat(robot.lookup("#pausedLabel").query().isVisible()).as("still paused after one refresh").isTrue();
        assertThat(table.getItems()).as("closed sockets stay visible a moment").hasSizeGreaterThan(1)
                .filteredOn(r -> r.getState() == RowState.CLOSING).isNotEmpty();

        robot.clickOn("#portTable");
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        waitUntil(() -> !robot.lookup("#pausedLabel").query().isVisible());
        int scansAfterResume = scanner.scanCount();
        waitUntil(() -> scanner.scanCount() > scansAfterResume + 1);
    }

    @Test
    void aCorruptSettingsFileDoesNotStopTheApp(FxRobot robot) throws Exception {
        robot.interact(() -> {
            app.stop();
            stage.close();
        });
        java.nio.file.Files.writeString(settingsDir.resolve(SettingsStore.FILE_NAME), "{\"theme\": [unfinished");
        Stage[] second = new Stage[1];
        robot.interact(() -> {
            second[0] = new Stage();
            app = launch(second[0]);
        });
        stage = second[0];
        TableView<PortRowViewModel> table = table(robot, stage);
        waitUntil(() -> table.getItems().size() == 3);
        assertThat(settingsDir.resolve(SettingsStore.FILE_NAME + ".corrupt")).exists();
        assertThat(new SettingsStore(settingsDir).load().theme()).isEqualTo("system");
    }

    @Test
    void aScannerThatFailsShowsAClearErrorScreenThatCanRetry(FxRobot robot) throws Exception {
        robot.interact(() -> {
            app.stop();
            stage.close();
        });
        scanner.failWith(new dev.portside.scan.ScanException("cannot read /proc/net/tcp: permission denied"));
        Stage[] second = new Stage[1];
        robot.interact(() -> {
            second[0] = new Stage();
            app = launch(second[0]);
        });
        stage = second[0];
        var root = stage.getScene().getRoot();
        waitUntil(() -> robot.from(root).lookup("#emptyRetryButton").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(robot.from(root).lookup("#emptyStateTitle").queryAs(Label.class).getText())
                .isEqualTo("Portside cannot read the list of sockets.");
        assertThat(robot.from(root).lookup("#emptyStateHint").queryAs(Label.class).getText())
                .contains("permission denied");

        scanner.set(tcp("127.0.0.1", 3000, 4242, "node"));
        robot.clickOn("#emptyRetryButton");
        TableView<PortRowViewModel> table = table(robot, stage);
        waitUntil(() -> table.getItems().size() == 1);
    }

    @Test
    void f1ListsEveryShortcutAndTheyWork(FxRobot robot) throws Exception {
        TableView<PortRowViewModel> table = table(robot, stage);
        waitUntil(() -> table.getItems().size() == 3);
        robot.clickOn("#filterUdp");
        robot.clickOn("#portTable");
        waitUntil(() -> table.getItems().size() == 2);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> table.getItems().size() == 3);

        robot.press(KeyCode.F1).release(KeyCode.F1);
        waitUntil(() -> robot.lookup("#shortcutsSheet").tryQuery().isPresent());
        Node sheet = robot.lookup("#shortcutsSheet").query();
        List<String> keys = robot.from(sheet).lookup(".shortcut-keys").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(keys).contains("Ctrl+F", "Esc", "Ctrl+Shift+F", "F5 / Ctrl+R", "Space", "Ctrl+P", "Ctrl+Shift+P",
                "Ctrl+E", "Ctrl+D", "F1");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }
}
