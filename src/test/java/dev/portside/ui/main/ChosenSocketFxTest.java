package dev.portside.ui.main;

import static dev.portside.testing.FakeScanner.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.action.PortFreer;
import dev.portside.action.ProcessTerminator;
import dev.portside.action.UrlBuilder;
import dev.portside.core.ListeningSocket;
import dev.portside.knowledge.AddressExplainer;
import dev.portside.platform.OsFamily;
import dev.portside.knowledge.Knowledge;
import dev.portside.poll.BackgroundRunner;
import dev.portside.scan.ProcessExtrasReader;
import dev.portside.testing.FakeScanner;
import dev.portside.testing.MutableClock;
import dev.portside.ui.actions.ActionServices;
import dev.portside.ui.actions.ActionsViewModel;
import dev.portside.ui.actions.FxClipboard;
import dev.portside.ui.detail.DetailServices;
import dev.portside.ui.ports.PortRowViewModel;
import dev.portside.ui.ports.PortsViewModel;
import dev.portside.ui.ports.RowState;
import dev.portside.ui.theme.ThemeManager;
import dev.portside.ui.watch.Notifier;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The selection is the user's (DESIGN.md, safety rule 7): the window on a fake scanner, a socket
 * chosen with the mouse, then the system closes it, a filter hides it, the table is sorted and
 * polled. Nothing may choose another row by itself, since End and the Delete key act on the choice.
 */
@ExtendWith(ApplicationExtension.class)
class ChosenSocketFxTest {

    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    private final FakeScanner scanner = new FakeScanner();
    private final FakeScanner actionScanner = new FakeScanner();
    private final MutableClock clock = new MutableClock(START);
    private final BackgroundRunner runner = BackgroundRunner.daemonThreads("test-background", 2, Platform::runLater);
    private MainViewModel model;
    private TableView<PortRowViewModel> table;

    private final ListeningSocket node = tcp("127.0.0.1", 3000, 4100, "node");
    private final ListeningSocket java = tcp("127.0.0.1", 3001, 4200, "java");
    private final ListeningSocket python = tcp("127.0.0.1", 3002, 4300, "python3");

    @Start
    void start(Stage stage) {
        ThemeManager theme = new ThemeManager();
        theme.apply();
        DetailServices detail = new DetailServices(Knowledge::shared, AddressExplainer.system(),
                ProcessExtrasReader.system(), OsFamily.current(), clock, ZoneOffset.UTC, runner.serial());
        model = new MainViewModel(ZoneOffset.UTC, detail, clock, Notifier.NONE, runner);
        ActionServices services = new ActionServices(new PortFreer(actionScanner, new ProcessTerminator()),
                new UrlBuilder(), new FxClipboard(), url -> { }, runner.serial(), () -> { });
        ActionsViewModel actions = new ActionsViewModel(model.ports().selectedProperty(),
                model.lastSnapshotProperty(), services, null, ZoneOffset.UTC);
        MainView view = new MainView(model, theme, ZoneOffset.UTC, actions);
        table = view.ports().node();
        Scene scene = new Scene(view.node(), 1100, 640);
        scene.getStylesheets().add(getClass().getResource("/dev/portside/ui/portside.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    /** One poll of the fake scanner, delivered on the FX thread as the polling service does. */
    private void poll(ListeningSocket... now) {
        scanner.set(now);
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> model.onSnapshot(scanner.scan()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks the row of a port, as a user chooses. */
    private void click(FxRobot robot, int port) {
        robot.interact(() -> table.scrollTo(model.ports().rows().stream().filter(r -> r.port() == port)
                .findFirst().orElseThrow()));
        Node row = robot.lookup(".table-row-cell")
                .match((TableRow<PortRowViewModel> r) -> r.getItem() != null && r.getItem().port() == port).query();
        robot.clickOn(row);
        assertThat(chosen()).extracting(PortRowViewModel::port).isEqualTo(port);
    }

    private PortRowViewModel chosen() {
        return onFx(() -> model.ports().selectedProperty().get());
    }

    private PortRowViewModel tableChoice() {
        return onFx(() -> table.getSelectionModel().getSelectedItem());
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, read);
    }

    private String closedText(FxRobot robot) {
        Node notice = robot.lookup("#detailClosedNotice").query();
        return onFx(() -> notice.isVisible() ? robot.lookup("#detailClosedText").queryAs(Label.class).getText() : "");
    }

    @Test
    void aClosedSocketStaysChosenWhileItLingersThenNothingIsChosenAndThePaneSaysItClosed(FxRobot robot)
            throws Exception {
        poll(node, java, python);
        click(robot, 3001);
        PortRowViewModel row = chosen();
        assertThat(onFx(() -> robot.lookup("#killButton").queryAs(Button.class).isDisabled())).isFalse();

        clock.advanceSeconds(1);
        poll(node, python); // java's socket closed (its owner ended, from a terminal)

        assertThat(row.getState()).isEqualTo(RowState.CLOSING);
        assertThat(row.isClosed()).isTrue();
        assertThat(chosen()).isSameAs(row);
        assertThat(tableChoice()).isSameAs(row);
        TableRow<?> shown = robot.lookup(".table-row-cell").match((TableRow<?> r) -> r.getItem() == row).query();
        assertThat(shown.getStyleClass()).contains("row-closing"); // struck through
        assertThat(shown.isSelected()).isTrue();
        assertThat(closedText(robot)).startsWith("This socket closed at 12:00:01.")
                .endsWith("It was held by java (pid 4200).");

        clock.advance(PortsViewModel.CLOSING_LINGER);
        robot.interact(() -> model.ports().tick());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() -> table.getItems().contains(row))).isFalse();
        assertThat(chosen()).as("nothing chosen, not a neighbour").isNull();
        assertThat(tableChoice()).isNull();
        assertThat(onFx(() -> table.getSelectionModel().getSelectedIndices().isEmpty())).isTrue();
        assertThat(closedText(robot)).isEqualTo(
                "TCP 127.0.0.1:3001 closed at 12:00:01. Its row is gone, so nothing is selected: choose another row."
                        + " It was held by java (pid 4200).");
        assertThat(onFx(() -> robot.lookup("#killButton").queryAs(Button.class).isDisabled())).isTrue();

        // The Delete key, with the keyboard focus still in the table, ends nothing and asks nothing.
        robot.interact(table::requestFocus);
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#confirmKillButton").tryQuery()).isEmpty();

        // Choosing another row is the user's to do; the closed notice then goes.
        click(robot, 3002);
        assertThat(closedText(robot)).isEmpty();
    }

    @Test
    void aFilterThatHidesTheChosenRowClearsTheChoiceInsteadOfMovingIt(FxRobot robot) {
        poll(node, java, python);
        click(robot, 3001);

        robot.clickOn("#filterField").write("node");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> table.getItems().size())).isEqualTo(1);
        assertThat(chosen()).isNull();
        assertThat(tableChoice()).isNull();
        assertThat(closedText(robot)).as("hidden, not closed").isEmpty();

        robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).clear());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> table.getItems().size())).isEqualTo(3);
        assertThat(chosen()).as("showing the rows again chooses none of them").isNull();
        assertThat(tableChoice()).isNull();
    }

    @Test
    void sortingAndPollsKeepTheChosenRow(FxRobot robot) {
        poll(node, java, python);
        click(robot, 3001);
        PortRowViewModel row = chosen();

        @SuppressWarnings("unchecked")
        TableColumn<PortRowViewModel, ?> process = (TableColumn<PortRowViewModel, ?>) onFx(() -> table.getColumns()
                .stream().filter(c -> "processColumn".equals(c.getId())).findFirst().orElseThrow());
        robot.interact(() -> {
            process.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(process));
        });
        assertThat(onFx(() -> table.getItems().stream().map(PortRowViewModel::getProcess).toList()))
                .containsExactly("python3", "node", "java");
        assertThat(tableChoice()).isSameAs(row);

        // Polls: a neighbour gets a new owner (and moves in the sort), one opens, one closes and goes.
        clock.advanceSeconds(1);
        poll(tcp("127.0.0.1", 3000, 4101, "zsh"), java, python, tcp("127.0.0.1", 3003, 4400, "aaa"));
        assertThat(tableChoice()).isSameAs(row);
        clock.advanceSeconds(1);
        poll(java, tcp("127.0.0.1", 3003, 4400, "aaa"));
        clock.advance(PortsViewModel.CLOSING_LINGER);
        robot.interact(() -> model.ports().tick());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> table.getItems().stream().map(PortRowViewModel::port).toList()))
                .containsExactly(3001, 3003);
        assertThat(chosen()).isSameAs(row);
        assertThat(tableChoice()).isSameAs(row);
        assertThat(onFx(() -> table.getSelectionModel().getSelectedIndex())).isEqualTo(0);
    }

    @Test
    void aPortOpenedAgainByAnotherProcessIsNotChosenForTheUser(FxRobot robot) throws Exception {
        poll(node, java, python);
        click(robot, 3001);
        clock.advanceSeconds(1);
        poll(node, python);
        clock.advanceSeconds(1);
        poll(node, tcp("127.0.0.1", 3001, 5555, "intruder"), python);

        assertThat(chosen()).isNull();
        assertThat(tableChoice()).isNull();
        assertThat(closedText(robot)).contains("TCP 127.0.0.1:3001 closed at 12:00:01").contains("java (pid 4200)");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> onFx(() -> robot.lookup("#killButton").queryAs(Button.class).isDisabled()));
    }
}
