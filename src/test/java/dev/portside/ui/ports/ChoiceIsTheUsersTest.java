package dev.portside.ui.ports;

import static dev.portside.testing.FakeScanner.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.IpAddress;
import dev.portside.core.IpFamily;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.Snapshot;
import dev.portside.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain JUnit, no toolkit: what the view model does with the chosen row when the rows change. */
class ChoiceIsTheUsersTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final PortsViewModel model = new PortsViewModel(clock);

    private void apply(ListeningSocket... sockets) {
        model.apply(new Snapshot(clock.instant(), Duration.ZERO, List.of(sockets), "fake"));
    }

    private PortRowViewModel choose(int port) {
        PortRowViewModel row = model.rows().stream().filter(r -> r.port() == port).findFirst().orElseThrow();
        model.selectedProperty().set(row);
        return row;
    }

    @Test
    void aClosingRowStaysChosenAndIsMarkedClosedThenTheChoiceIsEmptyAndRemembersWhatClosed() {
        apply(tcp("127.0.0.1", 3000, 10, "node"), tcp("127.0.0.1", 3001, 11, "java"));
        PortRowViewModel java = choose(3001);
        assertThat(java.isClosed()).isFalse();

        clock.advanceSeconds(2);
        apply(tcp("127.0.0.1", 3000, 10, "node"));
        assertThat(model.selectedProperty().get()).isSameAs(java);
        assertThat(java.closedProperty().get()).isTrue();
        assertThat(model.closedSelectionProperty().get()).isNull();

        clock.advance(PortsViewModel.CLOSING_LINGER);
        model.tick();
        assertThat(model.selectedProperty().get()).isNull();
        ClosedSelection closed = model.closedSelectionProperty().get();
        assertThat(closed.socket().port()).isEqualTo(3001);
        assertThat(closed.socket().owners()).extracting(ProcessInfo::pid).containsExactly(11);
        assertThat(closed.closedAt()).isEqualTo(START.plusSeconds(2));

        model.selectedProperty().set(model.rows().get(0));
        assertThat(model.closedSelectionProperty().get()).as("gone once the user chooses").isNull();
    }

    @Test
    void aFilterThatHidesTheChosenRowEmptiesTheChoiceWithoutCallingItClosed() {
        apply(tcp("127.0.0.1", 3000, 10, "node"), tcp("127.0.0.1", 3001, 11, "java"));
        choose(3001);
        model.filterProperty().set(r -> r.port() == 3000);
        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.closedSelectionProperty().get()).isNull();
        model.filterProperty().set(r -> true);
        assertThat(model.selectedProperty().get()).isNull();
    }

    @Test
    void anOwnerChangeThatMakesTheChosenRowFailTheFilterEmptiesTheChoice() {
        apply(tcp("127.0.0.1", 3000, 10, "node"), tcp("127.0.0.1", 3001, 11, "java"));
        model.filterProperty().set(r -> !r.getProcess().equals("python3"));
        choose(3001);
        apply(tcp("127.0.0.1", 3000, 10, "node"), tcp("127.0.0.1", 3001, 12, "python3"));
        assertThat(model.selectedProperty().get()).isNull();
    }

    @Test
    void aSocketReopenedByTheSameProcessKeepsTheChoiceOnItsNewRow() {
        apply(tcp("127.0.0.1", 3001, 11, "java"));
        choose(3001);
        clock.advanceSeconds(1);
        apply();
        clock.advanceSeconds(1);
        apply(tcp("127.0.0.1", 3001, 11, "java"));
        PortRowViewModel chosen = model.selectedProperty().get();
        assertThat(chosen).isNotNull();
        assertThat(chosen.getState()).isEqualTo(RowState.NEW);
        assertThat(model.closedSelectionProperty().get()).isNull();
    }

    @Test
    void aSocketReopenedByAnotherProcessIsNotChosen() {
        apply(tcp("127.0.0.1", 3001, 11, "java"));
        choose(3001);
        clock.advanceSeconds(1);
        apply();
        clock.advanceSeconds(1);
        apply(tcp("127.0.0.1", 3001, 99, "java"));
        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.closedSelectionProperty().get().socket().owners()).extracting(ProcessInfo::pid)
                .containsExactly(11);
    }

    @Test
    void theSameProcessMeansTheSamePidAndStartTimeAllKnown() {
        ListeningSocket a = socket(new ProcessInfo(11, "java", "", "", "", START, 1));
        assertThat(PortsViewModel.sameOwners(a, socket(new ProcessInfo(11, "java", "", "", "", START, 1)))).isTrue();
        assertThat(PortsViewModel.sameOwners(a, socket(new ProcessInfo(11, "java", "", "", "", START.plusSeconds(1),
                1)))).as("the pid was reused").isFalse();
        assertThat(PortsViewModel.sameOwners(a, socket(ProcessInfo.pidOnly(11)))).isFalse();
        assertThat(PortsViewModel.sameOwners(socket(), socket())).as("hidden owners prove nothing").isFalse();
    }

    @Test
    void aPinnedPortThatStartsListeningDoesNotChooseItsNewRow() {
        model.setPinnedPorts(List.of(8080));
        apply();
        PortRowViewModel waiting = model.notListeningRow(8080);
        model.selectedProperty().set(waiting);
        apply(tcp("127.0.0.1", 8080, 50, "nginx"));
        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.closedSelectionProperty().get()).isNull();
    }

    private static ListeningSocket socket(ProcessInfo... owners) {
        return new ListeningSocket(Protocol.TCP, IpFamily.IPV4, IpAddress.IPV4_LOOPBACK, 3001, List.of(owners));
    }
}
