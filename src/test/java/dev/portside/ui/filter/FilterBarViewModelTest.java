package dev.portside.ui.filter;

import static dev.portside.testing.FakeScanner.tcp;
import static dev.portside.testing.FakeScanner.udp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.IpFamily;
import dev.portside.core.ListeningSocket;
import dev.portside.core.PortCategory;
import dev.portside.core.Protocol;
import dev.portside.core.Snapshot;
import dev.portside.ui.main.MainViewModel;
import dev.portside.ui.ports.PortRowViewModel;
import dev.portside.ui.ports.PortsViewModel;
import dev.portside.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterBarViewModelTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final MainViewModel main = new MainViewModel(ZoneOffset.UTC, clock, (t, x) -> { }, dev.portside.poll.BackgroundRunner.sameThread());
    private final FilterBarViewModel filter = main.filter();

    private void poll(ListeningSocket... sockets) {
        main.onSnapshot(new Snapshot(clock.instant(), Duration.ofMillis(1), List.of(sockets), "fake"));
    }

    private List<Integer> shownPorts() {
        return main.ports().shownRows().stream().map(PortRowViewModel::port).sorted().toList();
    }

    private void pollTypical() {
        poll(tcp("127.0.0.1", 3000, 10, "node"), tcp("0.0.0.0", 5432, 11, "postgres"), udp("::1", 53, 12, "dnsmasq"),
                tcp("::", 50000, 13, "java"), tcp("192.168.1.5", 22, 14, "sshd"));
    }

    @Test
    void typingNarrowsTheRowsAndTheCountSaysSo() {
        pollTypical();
        assertThat(filter.countTextProperty().get()).isEqualTo("5 sockets listening");
        filter.textProperty().set("node");
        assertThat(shownPorts()).containsExactly(3000);
        assertThat(filter.countTextProperty().get()).isEqualTo("1 of 5 shown");
        filter.textProperty().set(":abc");
        assertThat(shownPorts()).isEmpty();
        assertThat(main.emptyState().getKind()).isEqualTo(EmptyStateViewModel.Kind.NO_MATCH);
        filter.clear();
        assertThat(shownPorts()).hasSize(5);
    }

    @Test
    void togglesHideProtocolsFamiliesCategoriesAndReach() {
        pollTypical();
        filter.protocolProperty(Protocol.TCP).set(false);
        assertThat(shownPorts()).containsExactly(53);
        filter.resetToggles();
        filter.familyProperty(IpFamily.IPV6).set(false);
        assertThat(shownPorts()).containsExactly(22, 3000, 5432);
        filter.resetToggles();
        filter.categoryProperty(PortCategory.REGISTERED).set(false);
        assertThat(shownPorts()).containsExactly(22, 53, 50000);
        filter.resetToggles();
        filter.scopeProperty().set(ScopeFilter.EXPOSED);
        assertThat(shownPorts()).containsExactly(22, 5432, 50000);
        filter.scopeProperty().set(ScopeFilter.LOOPBACK);
        assertThat(shownPorts()).containsExactly(53, 3000);
        assertThat(filter.isActive()).isTrue();
        filter.resetToggles();
        assertThat(filter.isActive()).isFalse();
    }

    @Test
    void theLikelyOwnerLabelIsSearchable() {
        pollTypical();
        filter.textProperty().set("zebra");
        assertThat(shownPorts()).isEmpty();
        filter.setOwnerLabel(s -> s.port() == 5432 ? "PostgreSQL zebra" : "");
        assertThat(shownPorts()).containsExactly(5432);
    }

    @Test
    void aPinnedPortWhereNothingListensIsFilteredByItsNumberButNotCounted() {
        pollTypical();
        main.watch().pin(8080);
        assertThat(shownPorts()).contains(8080);
        assertThat(filter.countTextProperty().get()).as("only live sockets count").isEqualTo("5 sockets listening");
        filter.textProperty().set("80");
        assertThat(shownPorts()).containsExactly(8080);
        filter.textProperty().set("node");
        assertThat(shownPorts()).containsExactly(3000);
        filter.textProperty().set("");
        filter.protocolProperty(Protocol.UDP).set(false);
        assertThat(shownPorts()).as("a port with no socket has no protocol to hide").contains(8080);
    }

    @Test
    void closingRowsStayVisibleAndAreCountedAsClosing() {
        pollTypical();
        clock.advanceSeconds(1);
        poll(tcp("127.0.0.1", 3000, 10, "node"));
        assertThat(shownPorts()).hasSize(5);
        assertThat(filter.countTextProperty().get()).isEqualTo("1 socket listening, 4 closing");
        clock.advance(PortsViewModel.CLOSING_LINGER);
        poll(tcp("127.0.0.1", 3000, 10, "node"));
        assertThat(shownPorts()).containsExactly(3000);
        assertThat(filter.countTextProperty().get()).isEqualTo("1 socket listening");
    }

    @Test
    void theChosenRowThatLingersAfterItsSocketClosedIsCountedAsClosing() {
        pollTypical();
        filter.textProperty().set("5432");
        main.ports().selectedProperty().set(main.ports().row(main.ports().shownRows().get(0).key()));
        assertThat(filter.countTextProperty().get()).isEqualTo("1 of 5 shown");
        clock.advanceSeconds(1);
        poll(tcp("127.0.0.1", 3000, 10, "node"), udp("::1", 53, 12, "dnsmasq"), tcp("::", 50000, 13, "java"),
                tcp("192.168.1.5", 22, 14, "sshd"));
        assertThat(shownPorts()).as("the chosen row lingers, struck through").containsExactly(5432);
        assertThat(filter.countTextProperty().get()).as("not \"0 of 4 shown\" above a row on screen")
                .isEqualTo("0 of 4 shown, 1 closing");
    }

    @Test
    void theEmptyStateTellsLoadingNothingAndError() {
        assertThat(main.emptyState().getKind()).isEqualTo(EmptyStateViewModel.Kind.LOADING);
        main.onPollFailed(new IllegalStateException("permission denied"));
        assertThat(main.emptyState().getKind()).isEqualTo(EmptyStateViewModel.Kind.ERROR);
        assertThat(main.emptyState().hintProperty().get()).contains("permission denied");
        poll();
        assertThat(main.emptyState().getKind()).isEqualTo(EmptyStateViewModel.Kind.NOTHING_LISTENING);
        assertThat(main.emptyState().titleProperty().get()).isEqualTo("Nothing is listening on this computer right now.");
    }
}
