package dev.portside.ui.status;

import static dev.portside.testing.FakeScanner.tcp;
import static dev.portside.testing.FakeScanner.udp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusViewModelTest {

    private final StatusViewModel status = new StatusViewModel(ZoneOffset.UTC);

    @Test
    void countsEachCategoryAndHiddenOwners() {
        status.onSnapshot(new Snapshot(Instant.parse("2026-11-26T10:15:30Z"), Duration.ofMillis(12),
                List.of(tcp("0.0.0.0", 22, 1, "sshd"), tcp("127.0.0.1", 3000, 9, "node"), tcp("127.0.0.1", 5432, 0, ""),
                        udp("127.0.0.1", 50000, 4, "chrome")), "oshi"));

        assertThat(status.countsProperty().get())
                .isEqualTo("4 sockets: 1 well-known, 2 registered, 1 dynamic \u00b7 1 with a hidden owner");
        assertThat(status.lastChangeProperty().get()).isEqualTo("Last change 10:15:30");
        assertThat(status.lastScan()).isEqualTo("Last scan 10:15:30, took 12 ms.");
        assertThat(status.scannerProperty().get()).isEqualTo("oshi");
        assertThat(status.errorProperty().get()).isEmpty();
    }

    @Test
    void theLastChangeMovesOnlyWhenTheSocketsChangeWhileTheLastScanMovesEveryPoll() {
        List<String> changes = new java.util.ArrayList<>();
        status.lastChangeProperty().addListener((o, was, now) -> changes.add(now));
        var sockets = List.of(tcp("127.0.0.1", 3000, 9, "node"));
        status.onSnapshot(new Snapshot(Instant.parse("2026-11-26T10:15:30Z"), Duration.ofMillis(3), sockets, "oshi"));
        // the same sockets again, as a new but equal list (the OSHI scanner builds one per poll)
        status.onSnapshot(new Snapshot(Instant.parse("2026-11-26T10:15:31Z"), Duration.ofMillis(2),
                List.copyOf(List.of(tcp("127.0.0.1", 3000, 9, "node"))), "oshi"));
        assertThat(status.lastChangeProperty().get()).isEqualTo("Last change 10:15:30");
        assertThat(status.lastScan()).isEqualTo("Last scan 10:15:31, took 2 ms.");

        status.onSnapshot(new Snapshot(Instant.parse("2026-11-26T10:15:32Z"), Duration.ofMillis(2),
                List.of(tcp("127.0.0.1", 3000, 9, "node"), tcp("127.0.0.1", 8080, 9, "node")), "oshi"));
        assertThat(status.lastChangeProperty().get()).isEqualTo("Last change 10:15:32");
        assertThat(changes).containsExactly("Last change 10:15:30", "Last change 10:15:32");
    }

    @Test
    void saysWhenNothingListens() {
        status.onSnapshot(Snapshot.empty(Instant.EPOCH));
        assertThat(status.countsProperty().get()).startsWith("No sockets");
    }

    @Test
    void aFailedPollIsShownUntilTheNextGoodOne() {
        status.onPollFailed(new IllegalStateException("permission denied reading /proc/net/tcp"));
        assertThat(status.errorProperty().get())
                .isEqualTo("The last scan failed: permission denied reading /proc/net/tcp. Portside keeps trying.");

        status.onSnapshot(Snapshot.empty(Instant.EPOCH));
        assertThat(status.errorProperty().get()).isEmpty();
    }
}
