package dev.portside.ui.ports;

import static dev.portside.testing.FakeScanner.tcp;
import static dev.portside.testing.FakeScanner.udp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.ListeningSocket;
import dev.portside.core.Snapshot;
import dev.portside.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** Plain JUnit, no toolkit: the table's rows follow the snapshots in place. */
class PortsViewModelTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final PortsViewModel model = new PortsViewModel(clock);
    private Instant now = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void firstSnapshotAddsOneRowPerSocket() {
        assertThat(model.loadedProperty().get()).isFalse();
        apply(tcp("127.0.0.1", 3000, 10, "node"), udp("127.0.0.53", 53, 5, "systemd-resolved"));
        assertThat(model.rows()).extracting(PortRowViewModel::port).containsExactlyInAnyOrder(3000, 53);
        assertThat(model.loadedProperty().get()).isTrue();
    }

    @Test
    void rowsAreKeptAsTheSameObjectsAcrossPolls() {
        apply(tcp("127.0.0.1", 3000, 10, "node"), tcp("0.0.0.0", 22, 1, "sshd"));
        PortRowViewModel node = row(3000);
        Instant firstSeen = node.firstSeen();

        now = now.plusSeconds(5);
        apply(tcp("127.0.0.1", 3000, 10, "node"), tcp("0.0.0.0", 22, 1, "sshd"));

        assertThat(row(3000)).isSameAs(node);
        assertThat(row(3000).firstSeen()).isEqualTo(firstSeen);
    }

    @Test
    void pollWithoutChangesDoesNotTouchTheList() {
        apply(tcp("127.0.0.1", 3000, 10, "node"));
        List<ListChangeListener.Change<? extends PortRowViewModel>> changes = new ArrayList<>();
        model.rows().addListener((ListChangeListener<PortRowViewModel>) changes::add);

        apply(tcp("127.0.0.1", 3000, 10, "node"));

        assertThat(changes).isEmpty();
    }

    @Test
    void closedSocketsLoseTheirRowsAndNewOnesGainRows() {
        apply(tcp("127.0.0.1", 3000, 10, "node"), tcp("0.0.0.0", 22, 1, "sshd"));
        PortRowViewModel sshd = row(22);

        now = now.plusSeconds(1);
        apply(tcp("0.0.0.0", 22, 1, "sshd"), tcp("::1", 5432, 7, "postgres"));

        // A closed socket stays a moment, struck through, so the user sees what stopped.
        assertThat(model.rows()).extracting(PortRowViewModel::port).containsExactlyInAnyOrder(3000, 22, 5432);
        assertThat(row(3000).getState()).isEqualTo(RowState.CLOSING);
        clock.advance(PortsViewModel.CLOSING_LINGER);
        model.tick();
        assertThat(model.rows()).extracting(PortRowViewModel::port).containsExactlyInAnyOrder(22, 5432);
        assertThat(row(22)).isSameAs(sshd);
        assertThat(row(5432).firstSeen()).isEqualTo(now);
    }

    @Test
    void aNewOwnerUpdatesTheRowInPlace() {
        apply(tcp("127.0.0.1", 3000, 10, "node"));
        PortRowViewModel row = row(3000);
        List<String> seen = new ArrayList<>();
        row.processProperty().addListener((o, was, is) -> seen.add(is));

        apply(tcp("127.0.0.1", 3000, 11, "deno"));

        assertThat(row(3000)).isSameAs(row);
        assertThat(row.getPid()).isEqualTo(11);
        assertThat(seen).containsExactly("deno");
    }

    @Test
    void selectionSurvivesPollsWhileItsSocketLives() {
        apply(tcp("127.0.0.1", 3000, 10, "node"), tcp("0.0.0.0", 22, 1, "sshd"));
        model.selectedProperty().set(row(3000));

        apply(tcp("127.0.0.1", 3000, 10, "node"), tcp("::1", 5432, 7, "postgres"));
        assertThat(model.selectedProperty().get()).isSameAs(row(3000));

        apply(tcp("::1", 5432, 7, "postgres"));
        assertThat(model.selectedProperty().get()).as("still shown while closing").isSameAs(row(3000));
        clock.advance(PortsViewModel.CLOSING_LINGER);
        model.tick();
        assertThat(model.selectedProperty().get()).isNull();
    }

    @Test
    void aHiddenOwnerIsSaidInWordsAndSortsAfterEveryPid() {
        apply(tcp("0.0.0.0", 2024, 0, ""), tcp("127.0.0.1", 3000, 10, "node"));
        PortRowViewModel hidden = row(2024);
        assertThat(hidden.isOwnerHidden()).isTrue();
        // as root a hidden owner is in another PID namespace, not another user's process
        assertThat(hidden.getProcess()).isEqualTo(dev.portside.owner.Viewer.isRoot() ? "hidden (another namespace)"
                : "hidden (another user's process)");
        assertThat(hidden.getPid()).isGreaterThan(row(3000).getPid());
    }

    @Test
    void theFilteredViewFollowsAPredicateWithoutLosingRows() {
        apply(tcp("127.0.0.1", 3000, 10, "node"), tcp("0.0.0.0", 22, 1, "sshd"));
        model.filterProperty().set(r -> r.port() == 22);
        assertThat(model.shownRows()).extracting(PortRowViewModel::port).containsExactly(22);
        assertThat(model.rows()).hasSize(2);
    }

    private void apply(ListeningSocket... sockets) {
        model.apply(new Snapshot(now, Duration.ofMillis(3), List.of(sockets), "fake"));
    }

    private PortRowViewModel row(int port) {
        return model.rows().stream().filter(r -> r.port() == port).findFirst().orElseThrow();
    }
}
