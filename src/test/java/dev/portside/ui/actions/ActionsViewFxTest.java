package dev.portside.ui.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.poll.BackgroundRunner;
import dev.portside.action.PortFreer;
import dev.portside.action.ProcessTerminator;
import dev.portside.action.UrlBuilder;
import dev.portside.core.ListeningSocket;
import dev.portside.core.Snapshot;
import dev.portside.scan.OshiPortScanner;
import dev.portside.testing.ChildJvm;
import dev.portside.testing.FakeScanner;
import dev.portside.ui.main.MainView;
import dev.portside.ui.main.MainViewModel;
import dev.portside.ui.ports.PortRowViewModel;
import dev.portside.ui.theme.ThemeManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The action bar, its confirmation dialog and the clipboard, in a real (headless) window. */
@ExtendWith(ApplicationExtension.class)
class ActionsViewFxTest {

    private final OshiPortScanner scanner = new OshiPortScanner();
    private final ExecutorService actionThread = Executors.newSingleThreadExecutor();
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private MainView view;
    private MainViewModel model;
    private ActionsViewModel actions;
    private TableView<PortRowViewModel> table;

    @Start
    void start(Stage stage) {
        ZoneId zone = ZoneId.systemDefault();
        ThemeManager theme = new ThemeManager();
        theme.apply();
        model = new MainViewModel(zone);
        ActionServices services = new ActionServices(new PortFreer(scanner, new ProcessTerminator()),
                new UrlBuilder(), new FxClipboard(), opened::add,
                new BackgroundRunner(actionThread, Platform::runLater), () -> { });
        actions = new ActionsViewModel(model.ports().selectedProperty(), model.lastSnapshotProperty(), services,
                null, zone);
        view = new MainView(model, theme, zone, actions);
        table = view.ports().node();
        Scene scene = new Scene(view.node(), 900, 600);
        scene.getStylesheets().add(getClass().getResource("/dev/portside/ui/portside.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        actionThread.shutdownNow();
    }

    private void show(ListeningSocket... sockets) {
        Snapshot snapshot = new Snapshot(Instant.now(), Duration.ofMillis(1), List.of(sockets), "test");
        onFx(() -> model.onSnapshot(snapshot));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static javafx.scene.Node firstRow(FxRobot robot) {
        return robot.lookup(".table-row-cell")
                .match((javafx.scene.control.TableRow<?> r) -> r.getItem() != null).query();
    }

    private void select(FxRobot robot, ListeningSocket socket) {
        onFx(() -> table.getSelectionModel().select(model.ports().row(socket.key())));
    }

    /** Until the confirmation is on screen (its nodes exist a moment before its window shows). */
    private static void waitForTheDialog(FxRobot robot) throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#cancelKillButton").tryQuery()
                .map(b -> b.getScene() != null && b.getScene().getWindow() != null && b.getScene().getWindow().isShowing())
                .orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void onFx(Runnable r) {
        WaitForAsyncUtils.waitForAsyncFx(10_000, r);
    }

    private static String clipboardText() {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, () -> Clipboard.getSystemClipboard().getString());
    }

    @Test
    void copyUrlPutsABrowsableUrlOnTheClipboard(FxRobot robot) {
        ListeningSocket loopback = FakeScanner.tcp("127.0.0.1", 3000, 4100, "node");
        ListeningSocket wildcard = FakeScanner.tcp("0.0.0.0", 8080, 4200, "java");
        ListeningSocket ipv6 = FakeScanner.tcp("::1", 5173, 4300, "vite");
        ListeningSocket udp = FakeScanner.udp("127.0.0.1", 5353, 4400, "mdns");
        show(loopback, wildcard, ipv6, udp);

        select(robot, loopback);
        robot.clickOn("#copyUrlButton");
        assertThat(clipboardText()).isEqualTo("http://127.0.0.1:3000/");

        select(robot, wildcard);
        robot.clickOn("#copyUrlButton");
        assertThat(clipboardText()).isEqualTo("http://127.0.0.1:8080/");

        select(robot, ipv6);
        robot.clickOn("#copyUrlButton");
        assertThat(clipboardText()).isEqualTo("http://[::1]:5173/");

        robot.clickOn("#openBrowserButton");
        assertThat(opened).containsExactly("http://[::1]:5173/");

        select(robot, udp);
        assertThat(robot.lookup("#copyUrlButton").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#openBrowserButton").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#actionStatus").queryAs(Label.class).getText()).contains("http://[::1]:5173/");
    }

    @Test
    void theConfirmationShowsTheProcessAndEscapeCancelsWithoutEndingIt(FxRobot robot) throws Exception {
        try (ChildJvm child = ChildJvm.start("tcp")) {
            ListeningSocket socket = scanner.scan().onPort(child.port()).get(0);
            show(socket);
            select(robot, socket);

            robot.clickOn("#killButton");
            waitForTheDialog(robot);

            assertThat(robot.lookup(".kill-dialog .header-panel .label").queryAs(Label.class).getText())
                    .isEqualTo("End java (pid " + child.pid() + ")?");
            assertThat(robot.lookup("#killDialogPorts").queryAs(Label.class).getText())
                    .contains(":" + child.port());
            assertThat(robot.lookup("#killDialogCommand").queryTextInputControl().getText()).contains("ListenerMain");
            assertThat(robot.lookup("#killDialogChildren").queryAs(Label.class).getText()).isEqualTo("none");

            robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> robot.lookup("#confirmKillButton").tryQuery().isEmpty());

            assertThat(actions.isBusy()).isFalse();
            assertThat(child.process().isAlive()).isTrue();
            assertThat(dev.portside.action.PortsCheck.listening(child.port())).isTrue();
        }
    }

    @Test
    void theDeleteKeyOpensTheSameConfirmation(FxRobot robot) throws Exception {
        try (ChildJvm child = ChildJvm.start("tcp")) {
            ListeningSocket socket = scanner.scan().onPort(child.port()).get(0);
            show(socket);
            select(robot, socket);

            robot.clickOn(table).press(KeyCode.DELETE).release(KeyCode.DELETE);
            waitForTheDialog(robot);
            robot.clickOn("#cancelKillButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> robot.lookup("#confirmKillButton").tryQuery().isEmpty());

            assertThat(child.process().isAlive()).isTrue();
        }
    }

    /**
     * Right-clicks the first row (which selects it). Headless Monocle sends no context-menu event
     * for a right click, so the test opens the table's menu where the system would.
     */
    private void openContextMenu(FxRobot robot) {
        javafx.scene.Node row = firstRow(robot);
        robot.rightClickOn(row);
        onFx(() -> {
            if (!table.getContextMenu().isShowing()) {
                table.getContextMenu().show(row, javafx.geometry.Side.BOTTOM, 20, 0);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theRowContextMenuCopiesTheAddressThePidAndTheRow(FxRobot robot) {
        ListeningSocket ipv6 = FakeScanner.tcp("::1", 5173, 4300, "vite");
        show(ipv6);

        openContextMenu(robot);
        robot.clickOn("Copy address:port");
        assertThat(clipboardText()).isEqualTo("[::1]:5173");

        openContextMenu(robot);
        robot.clickOn("Copy PID");
        assertThat(clipboardText()).isEqualTo("4300");

        openContextMenu(robot);
        robot.clickOn("Copy row as text");
        assertThat(clipboardText()).startsWith("TCP\t::1\t5173\t");
    }

    @Test
    void shortcutsCopyTheUrlAndFocusTheFreePortField(FxRobot robot) {
        ListeningSocket wildcard = FakeScanner.tcp("::", 8080, 4200, "java");
        show(wildcard);
        select(robot, wildcard);
        robot.clickOn(table);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(clipboardText()).isEqualTo("http://[::1]:8080/");

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        assertThat(robot.lookup("#freePortField").query().isFocused()).isTrue();
    }

    @Test
    void theDetailPaneShowsItsOwnButtonsForTheSelectedRow(FxRobot robot) {
        ListeningSocket udp = FakeScanner.udp("127.0.0.1", 5353, 4400, "mdns");
        show(udp);
        assertThat(robot.lookup("#detailKillButton").tryQuery()).as("nothing selected, no buttons").isEmpty();

        select(robot, udp);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#detailActions #detailKillButton").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#detailActions #detailCopyUrlButton").queryButton().isDisabled())
                .as("UDP has no URL").isTrue();
        assertThat(robot.lookup("#detailActions #detailOpenBrowserButton").queryButton().isDisabled()).isTrue();

        onFx(() -> table.getSelectionModel().clearSelection());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#detailKillButton").tryQuery()).isEmpty();
    }

    @Test
    void aSelectedRowWhoseSocketClosedKeepsItsSelectionButOffersNoCommand(FxRobot robot) {
        ListeningSocket node = FakeScanner.tcp("127.0.0.1", 3000, 4100, "node");
        show(node);
        select(robot, node);
        assertThat(robot.lookup("#killButton").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#copyUrlButton").queryButton().isDisabled()).isFalse();

        show(); // its owner was ended from a terminal: the row lingers, struck through

        assertThat(table.getSelectionModel().getSelectedItem()).isSameAs(model.ports().row(node.key()));
        for (String id : List.of("#killButton", "#copyUrlButton", "#openBrowserButton", "#detailKillButton",
                "#detailCopyUrlButton", "#detailOpenBrowserButton")) {
            assertThat(robot.lookup(id).queryButton().isDisabled()).as(id).isTrue();
        }
        assertThat(actions.killTipProperty().get()).startsWith("This socket closed at ");
        robot.clickOn(table).press(KeyCode.DELETE).release(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(actions.isBusy()).as("Delete did nothing").isFalse();
        assertThat(robot.lookup("#confirmKillButton").tryQuery()).isEmpty();
    }

    @Test
    void aBadTypedPortIsRefusedInline(FxRobot robot) {
        robot.clickOn("#freePortField").write("70000").press(KeyCode.ENTER).release(KeyCode.ENTER);

        assertThat(actions.freePortErrorProperty().get()).isEqualTo("70000 is too big: ports go from 1 to 65535.");
        assertThat(robot.lookup("#freePortField").query().getPseudoClassStates().toString()).contains("danger");
    }
}
