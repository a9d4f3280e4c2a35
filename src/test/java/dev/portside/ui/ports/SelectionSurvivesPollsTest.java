package dev.portside.ui.ports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.IpAddress;
import dev.portside.core.IpFamily;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Polls that change owners of many rows, and close and open others, leave the chosen row chosen. */
@ExtendWith(ApplicationExtension.class)
class SelectionSurvivesPollsTest {

    private final PortsViewModel model = new PortsViewModel();
    private TableView<PortRowViewModel> table;

    @Start
    void start(Stage stage) {
        table = new PortsView(model, ZoneId.of("UTC")).node();
        stage.setScene(new Scene(table, 900, 500));
        stage.show();
    }

    @Test
    void theSelectedRowStaysSelectedThroughPolls(FxRobot robot) {
        List<ListeningSocket> sockets = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            sockets.add(socket(1_024 + i, 1_000 + i % 50, "server" + i % 50));
        }
        robot.interact(() -> {
            model.apply(snapshot(sockets));
            table.getSelectionModel().select(5_000);
            table.scrollTo(4_990);
            table.layout();
        });
        PortRowViewModel chosen = table.getSelectionModel().getSelectedItem();
        assertThat(chosen.port()).isEqualTo(6_024);
        Random random = new Random(42);
        int nextPort = 20_000;
        for (int poll = 0; poll < 6; poll++) {
            if (poll % 2 == 1) {
                // 50 sockets close (never the chosen one), 50 open
                for (int k = 0; k < 50; k++) {
                    int i = random.nextInt(sockets.size());
                    if (sockets.get(i).port() != chosen.port()) {
                        sockets.remove(i);
                    }
                    sockets.add(socket(nextPort++, 5, "new"));
                }
            } else {
                // 100 sockets get a new owner
                for (int k = 0; k < 100; k++) {
                    int i = random.nextInt(sockets.size());
                    sockets.set(i, socket(sockets.get(i).port(), 2_000 + poll, "owner" + poll));
                }
            }
            List<ListeningSocket> now = List.copyOf(sockets);
            robot.interact(() -> {
                model.apply(snapshot(now));
                table.layout();
            });
            assertThat(table.getSelectionModel().getSelectedItem()).isSameAs(chosen);
            assertThat(model.selectedProperty().get()).isSameAs(chosen);
        }
    }

    @Test
    void sortingByAColumnOrdersTheRowsAndARowWhoseOwnerChangesMovesWithItsSelection(FxRobot robot) {
        List<ListeningSocket> sockets = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sockets.add(socket(3_000 + i, 100 + i, String.format("p%03d", (i * 37) % 200)));
        }
        robot.interact(() -> model.apply(snapshot(sockets)));
        var process = table.getColumns().stream().filter(c -> "processColumn".equals(c.getId())).findFirst()
                .orElseThrow();
        robot.interact(() -> table.getSortOrder().setAll(List.of(process)));
        assertThat(table.getItems()).extracting(PortRowViewModel::getProcess).isSorted();

        robot.interact(() -> {
            table.getSelectionModel().select(10);
            table.layout();
        });
        PortRowViewModel chosen = table.getSelectionModel().getSelectedItem();
        // the chosen row's owner becomes the last in the order: the row moves to the end, still chosen
        int at = sockets.indexOf(chosen.getSocket());
        sockets.set(at, socket(chosen.port(), 999, "zzz"));
        robot.interact(() -> {
            model.apply(snapshot(List.copyOf(sockets)));
            table.layout();
        });
        assertThat(table.getItems()).extracting(PortRowViewModel::getProcess).isSorted();
        assertThat(table.getItems().get(table.getItems().size() - 1)).isSameAs(chosen);
        assertThat(table.getSelectionModel().getSelectedItem()).isSameAs(chosen);

        robot.interact(() -> process.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING));
        assertThat(table.getItems().get(0)).isSameAs(chosen);
        robot.interact(() -> table.getSortOrder().clear());
        assertThat(table.getItems()).extracting(PortRowViewModel::port)
                .as("no sort order: the rows in arrival order").isSorted();
    }

    private static Snapshot snapshot(List<ListeningSocket> sockets) {
        return new Snapshot(Instant.now(), Duration.ZERO, sockets, "fake");
    }

    private static ListeningSocket socket(int port, int pid, String name) {
        return new ListeningSocket(Protocol.TCP, IpFamily.IPV4, IpAddress.IPV4_LOOPBACK, port,
                List.of(new ProcessInfo(pid, name, "", "", "ada", Instant.EPOCH, 1)));
    }
}
