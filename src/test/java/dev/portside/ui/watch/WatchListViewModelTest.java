package dev.portside.ui.watch;

import static dev.portside.testing.FakeScanner.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.ListeningSocket;
import dev.portside.core.Snapshot;
import dev.portside.ui.main.MainViewModel;
import dev.portside.ui.ports.PortRowViewModel;
import dev.portside.ui.ports.PortsViewModel;
import dev.portside.ui.ports.RowState;
import dev.portside.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchListViewModelTest {

    private record Message(String title, String text) {
    }

    private final List<Message> messages = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final MainViewModel main = new MainViewModel(ZoneOffset.UTC, clock,
            (title, text) -> messages.add(new Message(title, text)), dev.portside.poll.BackgroundRunner.sameThread());
    private final WatchListViewModel watch = main.watch();
    private final PortsViewModel ports = main.ports();

    private void poll(ListeningSocket... sockets) {
        main.onSnapshot(new Snapshot(clock.instant(), Duration.ofMillis(1), List.of(sockets), "fake"));
    }

    @Test
    void pinsAreSortedAndUnique() {
        assertThat(watch.pin(5432)).isTrue();
        assertThat(watch.pin(3000)).isTrue();
        assertThat(watch.pin(3000)).isFalse();
        assertThat(watch.pin(70000)).isFalse();
        assertThat(watch.pin(-1)).isFalse();
        assertThat(watch.pinnedPorts()).containsExactly(3000, 5432);
        watch.toggle(3000);
        assertThat(watch.pinnedPorts()).containsExactly(5432);
        watch.toggle(3000);
        assertThat(watch.pinnedPorts()).containsExactly(3000, 5432);
    }

    @Test
    void typedPortsArePinnedAndMistakesExplained() {
        watch.inputProperty().set(" 3000, :5432 8080 ");
        assertThat(watch.addFromInput()).isTrue();
        assertThat(watch.pinnedPorts()).containsExactly(3000, 5432, 8080);
        assertThat(watch.inputProperty().get()).isEmpty();
        assertThat(watch.inputErrorProperty().get()).isEmpty();

        watch.inputProperty().set("9000, http");
        assertThat(watch.addFromInput()).isFalse();
        assertThat(watch.inputErrorProperty().get()).contains("http").contains("0 to 65535");
        assertThat(watch.pinnedPorts()).as("nothing pinned on a mistake").doesNotContain(9000);

        watch.inputProperty().set("65536");
        assertThat(watch.addFromInput()).isFalse();
        watch.inputProperty().set("   ");
        assertThat(watch.addFromInput()).isFalse();
        assertThat(watch.inputErrorProperty().get()).contains("port number");
    }

    @Test
    void aPinnedPortWhereNothingListensHasANotListeningRow() {
        watch.pin(3000);
        assertThat(ports.rows()).as("unknown before the first scan").isEmpty();
        poll(tcp("127.0.0.1", 5432, 11, "postgres"));

        PortRowViewModel row = ports.notListeningRow(3000);
        assertThat(row).isNotNull();
        assertThat(row.getState()).isEqualTo(RowState.NOT_LISTENING);
        assertThat(row.getProcess()).isEqualTo("not listening");
        assertThat(row.isListening()).isFalse();
        assertThat(row.address()).isEmpty();
        assertThat(ports.rows()).extracting(PortRowViewModel::port).containsExactlyInAnyOrder(3000, 5432);
    }

    @Test
    void theNotListeningRowMakesWayForTheRealSocketAndComesBackAfterItCloses() {
        watch.pin(3000);
        poll();
        assertThat(ports.notListeningRow(3000)).isNotNull();

        clock.advanceSeconds(1);
        poll(tcp("127.0.0.1", 3000, 10, "node"));
        assertThat(ports.notListeningRow(3000)).isNull();
        assertThat(ports.rows()).hasSize(1);
        assertThat(ports.rows().get(0).isPinned()).isTrue();
        assertThat(ports.rows().get(0).getState()).isEqualTo(RowState.NEW);

        clock.advanceSeconds(1);
        poll();
        assertThat(ports.rows().get(0).getState()).isEqualTo(RowState.CLOSING);
        assertThat(ports.notListeningRow(3000)).as("not while the closed socket is still shown").isNull();

        clock.advance(PortsViewModel.CLOSING_LINGER);
        ports.tick();
        assertThat(ports.rows()).singleElement().extracting(PortRowViewModel::getState)
                .isEqualTo(RowState.NOT_LISTENING);
    }

    @Test
    void unpinningRemovesTheNotListeningRowAndTheMark() {
        poll(tcp("127.0.0.1", 5432, 11, "postgres"));
        watch.pin(3000);
        watch.pin(5432);
        assertThat(ports.rows()).hasSize(2);
        assertThat(ports.rows()).filteredOn(PortRowViewModel::isListening).singleElement()
                .extracting(PortRowViewModel::isPinned).isEqualTo(true);
        watch.unpin(3000);
        watch.unpin(5432);
        assertThat(ports.rows()).singleElement().extracting(PortRowViewModel::isPinned).isEqualTo(false);
    }

    @Test
    void aPinnedPortOpeningAndClosingIsAnnouncedWithItsOwner() {
        watch.pin(3000);
        poll();
        assertThat(messages).as("nothing about the starting point").isEmpty();

        poll(tcp("127.0.0.1", 3000, 4242, "node"), tcp("::1", 3000, 4242, "node"));
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.title()).isEqualTo("Port 3000 is open");
            assertThat(m.text()).contains("node (pid 4242)").contains("127.0.0.1:3000").contains("[::1]:3000");
        });

        messages.clear();
        poll();
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.title()).isEqualTo("Port 3000 closed");
            assertThat(m.text()).contains("node (pid 4242)");
        });
    }

    @Test
    void whatIsAlreadyOpenAtStartIsNotAnnounced() {
        watch.pin(3000);
        poll(tcp("127.0.0.1", 3000, 4242, "node"));
        poll(tcp("127.0.0.1", 3000, 4242, "node"));
        assertThat(messages).isEmpty();
    }

    @Test
    void newSocketsOnEveryInterfaceAreAnnouncedOnlyWhenAskedFor() {
        poll();
        poll(tcp("0.0.0.0", 8080, 99, "python3"));
        assertThat(messages).as("off by default").isEmpty();

        watch.notifyNewExposedProperty().set(true);
        poll(tcp("0.0.0.0", 8080, 99, "python3"), tcp("127.0.0.1", 9000, 98, "local"), tcp("0.0.0.0", 9100, 97, "x"),
                tcp("::", 9100, 97, "x"));
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).text()).contains("x (pid 97)").contains("0.0.0.0:9100").contains("[::]:9100")
                .doesNotContain("9000");
    }

    @Test
    void aHiddenOwnerIsNamedInPlainWords() {
        watch.pin(8443);
        poll();
        poll(tcp("0.0.0.0", 8443, 0, ""));
        assertThat(messages).singleElement().extracting(Message::text).asString()
                .contains("a process of another user");
    }
}
