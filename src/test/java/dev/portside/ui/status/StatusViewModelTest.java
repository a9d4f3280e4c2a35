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
        assertThat(status.lastPollProperty().get()).isEqualTo("Updated 10:15:30 in 12 ms");
        assertThat(status.scannerProperty().get()).isEqualTo("oshi");
        assertThat(status.errorProperty().get()).isEmpty();
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
