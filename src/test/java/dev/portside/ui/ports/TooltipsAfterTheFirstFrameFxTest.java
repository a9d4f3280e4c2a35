package dev.portside.ui.ports;

import static dev.portside.testing.FakeScanner.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.Snapshot;
import dev.portside.ui.FirstFrame;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * While the app starts, tooltips wait for the first frame (FirstFrame): the table's cells show
 * their rows at once and get their tooltips, with the words of the row they show then, on release.
 */
@ExtendWith(ApplicationExtension.class)
class TooltipsAfterTheFirstFrameFxTest {

    private final PortsViewModel ports = new PortsViewModel(Clock.systemUTC());
    private TableView<PortRowViewModel> table;

    @Start
    void start(Stage stage) {
        FirstFrame.hold(); // as PortsideApp.start does
        table = new PortsView(ports, ZoneId.of("UTC")).node();
        stage.setScene(new Scene(table, 900, 300));
        stage.show();
        ports.apply(new Snapshot(Instant.now(), Duration.ZERO, List.of(tcp("127.0.0.1", 80, 4242, "nginx")), "test"));
    }

    @AfterEach
    void release(FxRobot robot) {
        robot.interact(FirstFrame::release);
    }

    private TableCell<?, ?> categoryCell(FxRobot robot) {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && "categoryColumn".equals(c.getTableColumn().getId()))
                .filter(c -> c.getTableRow() != null && c.getTableRow().getItem() != null)
                .findFirst().orElseThrow();
    }

    @Test
    void theCellsGetTheirTooltipsWhenTheFirstFrameIsShown(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> category = categoryCell(robot);
        assertThat(category.getGraphic()).as("the row is shown at once").isNotNull();
        assertThat(category.getTooltip()).as("no tooltip before the first frame").isNull();

        robot.interact(FirstFrame::release);
        assertThat(category.getTooltip()).isNotNull();
        assertThat(category.getTooltip().getText()).contains("0\u20131023");
    }

    @Test
    void workHeldRunsInOrderOnReleaseAndLaterWorkAtOnce(FxRobot robot) {
        List<String> done = new ArrayList<>();
        robot.interact(() -> {
            FirstFrame.later(() -> done.add("first"));
            FirstFrame.later(() -> done.add("second"));
        });
        assertThat(done).isEmpty();
        assertThat(FirstFrame.holding()).isTrue();
        robot.interact(FirstFrame::release);
        assertThat(done).containsExactly("first", "second");
        assertThat(FirstFrame.holding()).isFalse();
        robot.interact(() -> FirstFrame.later(() -> done.add("now")));
        assertThat(done).containsExactly("first", "second", "now");
    }
}
