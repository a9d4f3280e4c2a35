package dev.portside.ui.ports;

import static dev.portside.testing.FakeScanner.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.ListeningSocket;
import dev.portside.core.Snapshot;
import dev.portside.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The change-highlighting timeline, driven by a hand-moved clock. */
class ChangeHighlightTest {

    private static final ListeningSocket A = tcp("127.0.0.1", 3000, 10, "node");
    private static final ListeningSocket B = tcp("127.0.0.1", 5432, 11, "postgres");
    private static final ListeningSocket C = tcp("::1", 8080, 12, "java");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final PortsViewModel ports = new PortsViewModel(clock);

    private void poll(ListeningSocket... sockets) {
        ports.apply(new Snapshot(clock.instant(), Duration.ofMillis(1), List.of(sockets), "fake"));
    }

    private RowState state(ListeningSocket s) {
        PortRowViewModel row = ports.row(s.key());
        return row == null ? null : row.getState();
    }

    @Test
    void whatWasThereAtStartIsNotHighlighted() {
        poll(A, B);
        assertThat(state(A)).isEqualTo(RowState.LISTENING);
        assertThat(state(B)).isEqualTo(RowState.LISTENING);
    }

    @Test
    void aNewSocketIsHighlightedForAFewSecondsThenBecomesOrdinary() {
        poll(A);
        clock.advanceSeconds(1);
        poll(A, C);
        assertThat(state(C)).isEqualTo(RowState.NEW);
        assertThat(state(C).styleClass()).isEqualTo("row-new");

        clock.advance(PortsViewModel.NEW_HIGHLIGHT.minusMillis(1));
        ports.tick();
        assertThat(state(C)).isEqualTo(RowState.NEW);

        clock.advance(Duration.ofMillis(1));
        ports.tick();
        assertThat(state(C)).isEqualTo(RowState.LISTENING);
    }

    @Test
    void theTickerIsNeededOnlyWhileSomethingIsHighlighted() {
        poll(A, B);
        assertThat(ports.highlightingProperty().get()).as("nothing new at start").isFalse();

        clock.advanceSeconds(1);
        poll(A, B, C);
        assertThat(ports.highlightingProperty().get()).as("C is new").isTrue();

        clock.advance(PortsViewModel.NEW_HIGHLIGHT);
        ports.tick();
        assertThat(ports.highlightingProperty().get()).as("C's highlight is over").isFalse();

        poll(A, C);
        assertThat(ports.highlightingProperty().get()).as("B is closing").isTrue();
        clock.advance(PortsViewModel.CLOSING_LINGER);
        ports.tick();
        assertThat(ports.highlightingProperty().get()).as("B is gone").isFalse();
    }

    @Test
    void aClosedSocketStaysStruckThroughForAFewSecondsThenGoes() {
        poll(A, B);
        clock.advanceSeconds(1);
        poll(A);
        assertThat(state(B)).isEqualTo(RowState.CLOSING);
        assertThat(ports.rows()).extracting(PortRowViewModel::port).contains(5432);
        assertThat(ports.row(B.key()).isListening()).isFalse();

        clock.advance(PortsViewModel.CLOSING_LINGER.minusMillis(1));
        ports.tick();
        assertThat(state(B)).isEqualTo(RowState.CLOSING);

        clock.advance(Duration.ofMillis(1));
        ports.tick();
        assertThat(state(B)).isNull();
        assertThat(ports.rows()).extracting(PortRowViewModel::port).containsExactly(3000);
    }

    @Test
    void aClosingRowGoesWithTheNextPollWhenItsTimeIsUpToo() {
        poll(A, B);
        poll(A);
        clock.advance(PortsViewModel.CLOSING_LINGER);
        poll(A);
        assertThat(ports.rows()).extracting(PortRowViewModel::port).containsExactly(3000);
    }

    @Test
    void aSocketThatReopensWhileClosingIsANewRowAgain() {
        poll(A, B);
        clock.advanceSeconds(1);
        poll(A);
        PortRowViewModel closing = ports.row(B.key());
        ports.selectedProperty().set(closing);
        clock.advanceSeconds(1);
        poll(A, B);

        PortRowViewModel reopened = ports.row(B.key());
        assertThat(reopened).isNotSameAs(closing);
        assertThat(reopened.getState()).isEqualTo(RowState.NEW);
        assertThat(ports.rows()).hasSize(2).doesNotContain(closing);
        assertThat(ports.selectedProperty().get()).as("the selection follows the socket").isSameAs(reopened);
    }

    @Test
    void aSelectedRowThatGoesClearsTheSelection() {
        poll(A, B);
        ports.selectedProperty().set(ports.row(B.key()));
        poll(A);
        assertThat(ports.selectedProperty().get()).as("still visible while closing").isSameAs(ports.row(B.key()));
        clock.advance(PortsViewModel.CLOSING_LINGER);
        ports.tick();
        assertThat(ports.selectedProperty().get()).isNull();
    }

    @Test
    void rowsAreUpdatedInPlaceAndKeepTheirState() {
        poll(A);
        clock.advanceSeconds(1);
        poll(A, C);
        PortRowViewModel row = ports.row(C.key());
        poll(A, tcp("::1", 8080, 99, "java2"));
        assertThat(ports.row(C.key())).isSameAs(row);
        assertThat(row.getProcess()).isEqualTo("java2");
        assertThat(row.getState()).isEqualTo(RowState.NEW);
    }

    @Test
    void theStateIsSeenThroughTheListSoTheTableRestyles() {
        poll(A);
        clock.advanceSeconds(1);
        poll(A, C);
        int[] updates = {0};
        ports.rows().addListener((javafx.collections.ListChangeListener<PortRowViewModel>) c -> {
            while (c.next()) {
                if (c.wasUpdated()) {
                    updates[0]++;
                }
            }
        });
        clock.advance(PortsViewModel.NEW_HIGHLIGHT);
        ports.tick();
        assertThat(updates[0]).isPositive();
    }
}
