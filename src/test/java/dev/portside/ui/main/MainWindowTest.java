package dev.portside.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.PortsideApp;
import dev.portside.core.PortCategory;
import dev.portside.scan.OshiPortScanner;
import dev.portside.ui.ports.PortRowViewModel;
import dev.portside.ui.ports.PortsViewModel;
import dev.portside.ui.ports.RowState;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on the real scanner: a port the test opens shows up, coloured and counted. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private static final Pattern COUNTS = Pattern.compile(
            "(\\d+) sockets?: (\\d+) well-known, (\\d+) registered, (\\d+) dynamic.*");

    private final ServerSocket server;
    private PortsideApp app;

    MainWindowTest() throws Exception {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    }

    @Start
    void start(Stage stage) throws Exception {
        // a window as on first start: no filter or sort remembered from another test
        java.nio.file.Files.deleteIfExists(dev.portside.AppDirs.configDir().resolve(dev.portside.ui.settings.SettingsStore.FILE_NAME));
        PortsideApp.useScanner(OshiPortScanner::new);
        PortsideApp.useWhatWait(java.time.Duration.ZERO); // shown within start(): the test looks at it at once
        app = new PortsideApp();
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        FxToolkit.cleanupApplication(app);
        PortsideApp.useWhatWait(null);
    }

    @Test
    void showsARowForAPortTheTestOpensWithItsCategoryStyleAndCountsIt(FxRobot robot) throws Exception {
        TableView<PortRowViewModel> table = robot.lookup("#portTable").queryTableView();
        int port = server.getLocalPort();
        // This JVM's socket, once a poll names this JVM: a child process started meanwhile (the app asks
        // the desktop's theme in the background) can hold its parent's fds for a moment before it
        // closes them, and a scan then may name the child (once in the whole suite: another pid).
        int self = (int) ProcessHandle.current().pid();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            PortRowViewModel r = rowFor(table, port);
            return r != null && onFx(r::getPid) == self;
        });
        PortRowViewModel row = rowFor(table, port);
        assertThat(row.getPid()).isEqualTo(self);

        robot.interact(() -> table.scrollTo(row));
        WaitForAsyncUtils.waitForFxEvents();
        TableRow<?> node = robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() == row).findFirst().orElseThrow();
        String expected = PortCategory.of(port).styleClass();
        assertThat(node.getStyleClass()).contains(expected);
        assertThat(node.getStyleClass().stream().filter(c -> c.startsWith("port-"))).containsExactly(expected);

        StatusBar status = robot.lookup("#statusBar").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> COUNTS.matcher(status.getText()).matches()));
        // Status text and table read together on the FX thread, so one poll cannot slip between them.
        long[] counts = onFx(() -> new long[] {statusNumber(status, 1),
            statusNumber(status, 2 + PortCategory.of(port).ordinal()),
            table.getItems().stream().filter(PortRowViewModel::isListening).count()});
        long total = counts[0];
        long inCategory = counts[1];
        // Rows of sockets that just closed stay a moment (struck through) but are not counted.
        assertThat(total).isEqualTo(counts[2]);
        assertThat(inCategory).isPositive();
    }

    @Test
    void aClosedPortLeavesTheTableWithinTwoPolls(FxRobot robot) throws Exception {
        TableView<PortRowViewModel> table = robot.lookup("#portTable").queryTableView();
        int port = server.getLocalPort();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> rowFor(table, port) != null);

        server.close();

        // The default interval is one second: two polls plus slack for a loaded CI machine.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            PortRowViewModel row = rowFor(table, port);
            return row == null || row.getState() == RowState.CLOSING;
        });
        // It stays visible, struck through, for a few seconds, then goes.
        WaitForAsyncUtils.waitFor(PortsViewModel.CLOSING_LINGER.getSeconds() + 5, TimeUnit.SECONDS,
                () -> rowFor(table, port) == null);
    }

    /** Reads the table on the FX thread: polls change its items there, never read them from here. */
    private static PortRowViewModel rowFor(TableView<PortRowViewModel> table, int port) throws Exception {
        return onFx(() -> table.getItems().stream()
                .filter(r -> r.port() == port && r.getSocket().address().unmapped().toString().equals("127.0.0.1"))
                .findFirst().orElse(null));
    }

    private static long statusNumber(StatusBar status, int group) {
        Matcher m = COUNTS.matcher(status.getText());
        if (!m.matches()) {
            throw new AssertionError("status bar: " + status.getText());
        }
        return Long.parseLong(m.group(group));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    @Test
    void downInTheFilterFieldGoesToTheRowsItFound(FxRobot robot) throws Exception {
        TableView<PortRowViewModel> table = robot.lookup("#portTable").queryTableView();
        int port = server.getLocalPort();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> rowFor(table, port) != null);
        robot.clickOn("#filterField").write(Integer.toString(port));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> table.getItems().size() == 1));
        robot.press(javafx.scene.input.KeyCode.DOWN).release(javafx.scene.input.KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.isFocused()).isTrue();
        assertThat(table.getSelectionModel().getSelectedItem().port()).isEqualTo(port);
        // the filter is remembered with the settings: leave none for the next test
        robot.interact(() -> robot.lookup("#filterField").queryAs(javafx.scene.control.TextField.class).clear());
    }
}
