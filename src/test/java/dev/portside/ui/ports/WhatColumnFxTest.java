package dev.portside.ui.ports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.Snapshot;
import dev.portside.core.SocketUser;
import dev.portside.knowledge.DevToolCatalogue;
import dev.portside.knowledge.Knowledge;
import dev.portside.knowledge.ServiceRegistry;
import dev.portside.owner.Container;
import dev.portside.owner.OwnerFacts;
import dev.portside.owner.Project;
import dev.portside.owner.PublishedPort;
import dev.portside.poll.BackgroundRunner;
import dev.portside.testing.MutableClock;
import dev.portside.ui.filter.FilterBarViewModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The What column: the likely owner per row, guesses in italics with words in the tooltip, sortable, filterable. */
@ExtendWith(ApplicationExtension.class)
class WhatColumnFxTest {

    private static final Instant START = Instant.parse("2026-03-01T11:50:00Z");
    private static final Knowledge KNOWLEDGE = new Knowledge(DevToolCatalogue.loadBundled(), ServiceRegistry.loadBundled(),
            Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), java.time.ZoneOffset.UTC), "/home/ada", false);

    private static final ListeningSocket VITE = socket(5173, SocketUser.UNKNOWN,
            new ProcessInfo(4121, "node", "/usr/bin/node", "node /home/ada/shop/node_modules/.bin/vite", "ada", START, 1));
    private static final ListeningSocket PROXY = socket(8080, new SocketUser(0, "root"),
            new ProcessInfo(4242, "docker-proxy", "/usr/sbin/docker-proxy", "/usr/sbin/docker-proxy -proto tcp -host-ip "
                    + "0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 -container-port 80", "root", START, 1));
    private static final ListeningSocket POSTGRES = socket(5432, new SocketUser(113, "postgres"));
    private static final Map<Integer, OwnerFacts> FACTS = Map.of(
            5173, new OwnerFacts(null, null, null, null, new Project("shop", "package.json", "/home/ada/shop", List.of()),
                    "/home/ada/shop", ""),
            8080, new OwnerFacts(new Container("Docker", "3f2a1b2c3d4e", "shop-web", "nginx:1.27", "running", "",
                    List.of()), new PublishedPort("0.0.0.0", 8080, 80, "tcp"), null, null, null, "", ""));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final PortsViewModel ports = new PortsViewModel(clock);
    private final FilterBarViewModel filter = new FilterBarViewModel(ports);
    private final RowOwners owners = new RowOwners(ports, BackgroundRunner.sameThread(),
            s -> KNOWLEDGE.likelyOwner(s, FACTS.getOrDefault(s.port(), OwnerFacts.NONE)));
    private TableView<PortRowViewModel> table;

    private static ListeningSocket socket(int port, SocketUser user, ProcessInfo... owners) {
        return new ListeningSocket(Protocol.TCP, IpAddress.IPV4_ANY.family(), IpAddress.IPV4_ANY, port, List.of(owners),
                user);
    }

    @Start
    void start(Stage stage) {
        filter.setOwnerLabel(s -> {
            PortRowViewModel row = ports.row(s.key());
            return row == null ? "" : row.getWhat();
        });
        table = new PortsView(ports, ZoneId.of("UTC")).node();
        stage.setScene(new Scene(table, 1100, 300));
        stage.show();
        ports.apply(new Snapshot(Instant.now(), Duration.ZERO, List.of(VITE, PROXY, POSTGRES), "test"));
        owners.refresh();
    }

    private static TableCell<?, ?> cellOf(TableView<PortRowViewModel> table, FxRobot robot, int port) {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && "whatColumn".equals(c.getTableColumn().getId()))
                .filter(c -> c.getTableRow() != null && c.getTableRow().getItem() instanceof PortRowViewModel r && r.port() == port)
                .findFirst().orElseThrow();
    }

    @Test
    void eachRowSaysWhatItIsAndAGuessLooksLikeOne(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> vite = cellOf(table, robot, 5173);
        TableCell<?, ?> docker = cellOf(table, robot, 8080);
        TableCell<?, ?> pg = cellOf(table, robot, 5432);
        assertThat(vite.getText()).isEqualTo("Vite dev server \u2014 shop");
        assertThat(docker.getText()).isEqualTo("Docker: shop-web");
        assertThat(pg.getText()).isEqualTo("PostgreSQL");
        assertThat(pg.getStyleClass()).contains("what-guess");
        assertThat(vite.getStyleClass()).doesNotContain("what-guess");
        assertThat(pg.getTooltip().getText()).startsWith("A guess from the port number alone.").contains("user postgres");
        assertThat(docker.getTooltip().getText()).startsWith("Recognised: the container engine names it.")
                .contains("nginx:1.27");
        assertThat(vite.getTooltip().getText()).startsWith("Recognised from its command line.");
        assertThat(pg.getAccessibleText()).isEqualTo("PostgreSQL (a guess)");
        // the Process column stays, and a hidden owner there names the socket's user
        PortRowViewModel hidden = ports.row(POSTGRES.key());
        assertThat(hidden.getProcess()).contains("user postgres");
    }

    /** The words a cell shows after layout: its text as elided by the skin ("Vite dev serv…"). */
    private static String shownText(TableCell<?, ?> cell) {
        return WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            cell.applyCss();
            cell.layout();
            return cell.lookupAll(".text").stream().filter(n -> n instanceof javafx.scene.text.Text)
                    .map(n -> ((javafx.scene.text.Text) n).getText()).findFirst().orElse("");
        });
    }

    @Test
    void besideTheDetailPaneOfA1360PixelWindowTheWhatColumnShowsAProjectsLabelInFull(FxRobot robot) {
        // The table's width in the default window (1360 px; MainView's divider at 0.68 leaves the
        // table about 915 px beside the detail pane): every column at least at its minimum, no scrolling.
        robot.interact(() -> table.getScene().getWindow().setWidth(915));
        WaitForAsyncUtils.waitForFxEvents();
        TableColumn<PortRowViewModel, ?> what = table.getColumns().stream().filter(c -> "whatColumn".equals(c.getId()))
                .findFirst().orElseThrow();
        assertThat(shownText(cellOf(table, robot, 5173))).isEqualTo("Vite dev server \u2014 shop");
        double columns = table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        assertThat(columns).as("the columns fill the table, no sideways scrolling").isCloseTo(
                table.getWidth() - table.snappedLeftInset() - table.snappedRightInset(), org.assertj.core.data.Offset.offset(3.0));
        // Wider: the room goes to What, not to the last column.
        double before = what.getWidth();
        TableColumn<PortRowViewModel, ?> since = table.getColumns().get(table.getColumns().size() - 1);
        double sinceBefore = since.getWidth();
        robot.interact(() -> table.getScene().getWindow().setWidth(1150));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(what.getWidth()).isGreaterThan(before + 200);
        assertThat(since.getWidth()).isEqualTo(sinceBefore);
    }

    @Test
    void aWidthTheUserGaveAColumnStandsWhileItFits(FxRobot robot) {
        TableColumn<PortRowViewModel, ?> since = table.getColumns().get(table.getColumns().size() - 1);
        robot.interact(() -> since.setPrefWidth(150)); // as the settings restore a saved width
        robot.interact(() -> table.getScene().getWindow().setWidth(1120));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(since.getWidth()).isEqualTo(150);
        TableColumn<PortRowViewModel, ?> what = table.getColumns().stream().filter(c -> "whatColumn".equals(c.getId()))
                .findFirst().orElseThrow();
        assertThat(what.getWidth()).as("the rest of the room").isGreaterThan(what.getPrefWidth());
    }

    @Test
    void theTooltipSaysHowLongAgoTheProcessStartedWhenItIsShownNotWhenTheRowWasDescribed(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> vite = cellOf(table, robot, 5173);
        assertThat(vite.getTooltip().getText()).contains("started 10 minutes ago"); // as described
        Knowledge.shared(); // the app's knowledge, which words the ages by the table's clock
        clock.advance(Duration.ofMinutes(2));
        robot.interact(() -> vite.getTooltip().getOnShowing().handle(null));
        assertThat(vite.getTooltip().getText()).doesNotContain("10 minutes ago").contains("started 12 minutes ago");
    }

    @Test
    void theColumnSortsAndTheFilterFindsRowsByIt(FxRobot robot) throws Exception {
        TableColumn<PortRowViewModel, ?> what = table.getColumns().stream().filter(c -> "whatColumn".equals(c.getId()))
                .findFirst().orElseThrow();
        robot.interact(() -> {
            table.getSortOrder().setAll(List.of(what));
            what.setSortType(TableColumn.SortType.ASCENDING);
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().get(0).port() == 8080);
        assertThat(table.getItems()).extracting(PortRowViewModel::getWhat)
                .containsExactly("Docker: shop-web", "PostgreSQL", "Vite dev server \u2014 shop");

        robot.interact(() -> filter.textProperty().set("owner:shop"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        assertThat(table.getItems()).extracting(PortRowViewModel::port).containsExactlyInAnyOrder(8080, 5173);
        robot.interact(() -> filter.textProperty().set("postgresql"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).port()).isEqualTo(5432);
    }
}
