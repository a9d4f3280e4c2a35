package dev.portside.ui.ports;

import static dev.portside.testing.FakeScanner.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.ListeningSocket;
import dev.portside.core.Snapshot;
import dev.portside.knowledge.LikelyOwner;
import dev.portside.knowledge.OwnerCertainty;
import dev.portside.poll.BackgroundRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The What column's values: worked out in the background, once per changed socket, never per poll. */
class RowOwnersTest {

    private final PortsViewModel ports = new PortsViewModel();
    private final List<ListeningSocket> described = new ArrayList<>();
    private final List<Runnable> background = new ArrayList<>();
    private final List<Runnable> fx = new ArrayList<>();
    private final RowOwners owners = new RowOwners(ports, new BackgroundRunner(background::add, fx::add), s -> {
        described.add(s);
        return new LikelyOwner("label of " + s.port(), "", OwnerCertainty.RECOGNISED_FROM_COMMAND_LINE, "", null);
    });

    private void poll(ListeningSocket... sockets) {
        ports.apply(new Snapshot(Instant.now(), Duration.ZERO, List.of(sockets), "test"));
        owners.refresh();
    }

    private static void runAll(List<Runnable> queue) {
        List<Runnable> now = new ArrayList<>(queue);
        queue.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void newRowsAreDescribedOffTheFxThreadInOneBatchAndUnchangedPollsCostNothing() {
        ListeningSocket node = tcp("127.0.0.1", 3000, 4242, "node");
        ListeningSocket pg = tcp("0.0.0.0", 5432, 777, "postgres");
        poll(node, pg);
        assertThat(described).isEmpty(); // nothing on the calling (FX) thread
        assertThat(ports.row(node.key()).getWhat()).isEmpty();
        runAll(background);
        assertThat(described).containsExactly(node, pg);
        assertThat(ports.row(node.key()).getWhat()).isEmpty(); // not yet handed back
        runAll(fx);
        assertThat(ports.row(node.key()).getWhat()).isEqualTo("label of 3000");
        assertThat(ports.row(pg.key()).getLikelyOwner().label()).isEqualTo("label of 5432");

        for (int i = 0; i < 5; i++) {
            poll(node, pg); // the same sockets
            poll(tcp("127.0.0.1", 3000, 4242, "node"), tcp("0.0.0.0", 5432, 777, "postgres")); // equal, new objects (OSHI)
        }
        assertThat(background).isEmpty();
        assertThat(owners.batches()).isEqualTo(1);
        assertThat(described).hasSize(2);
    }

    @Test
    void aRowWhoseOwnerChangedIsDescribedAgainAndAStaleAnswerIsNotShown() {
        ListeningSocket first = tcp("127.0.0.1", 3000, 4242, "node");
        poll(first);
        runAll(background);
        ListeningSocket restarted = tcp("127.0.0.1", 3000, 5151, "node");
        poll(restarted); // a new owner before the first answer came back
        runAll(fx); // the answer about the old socket: not for the row's new socket
        assertThat(ports.row(first.key()).getLikelyOwner()).isNull();
        runAll(background);
        runAll(fx);
        assertThat(described).containsExactly(first, restarted);
        assertThat(ports.row(first.key()).getWhat()).isEqualTo("label of 3000");
    }

    @Test
    void oneSocketThatCannotBeDescribedLeavesTheOthers() {
        RowOwners failing = new RowOwners(ports, BackgroundRunner.sameThread(), s -> {
            if (s.port() == 1) {
                throw new IllegalStateException("broken manifest");
            }
            return new LikelyOwner("fine", "", OwnerCertainty.UNKNOWN, "", null);
        });
        ports.apply(new Snapshot(Instant.now(), Duration.ZERO, List.of(tcp("127.0.0.1", 1, 5, "a"),
                tcp("127.0.0.1", 2, 6, "b")), "test"));
        failing.refresh();
        assertThat(ports.row(tcp("127.0.0.1", 2, 6, "b").key()).getWhat()).isEqualTo("fine");
        assertThat(ports.row(tcp("127.0.0.1", 1, 5, "a").key()).getWhat()).isEmpty();
    }

    @Test
    void answersWorkedOutAheadFillTheRowsAtOnceAndOnlyTheOthersAreAsked() {
        ListeningSocket node = tcp("127.0.0.1", 3000, 4242, "node");
        ListeningSocket pg = tcp("0.0.0.0", 5432, 777, "postgres");
        ListeningSocket redis = tcp("127.0.0.1", 6379, 888, "redis-server");
        // The first snapshot's sockets, described while the window was built; redis came after it.
        owners.useAnswers(RowOwners.describeAll(List.of(node, pg), s ->
                new LikelyOwner("ahead " + s.port(), "", OwnerCertainty.RECOGNISED_FROM_COMMAND_LINE, "", null)));
        poll(node, pg, redis);
        assertThat(ports.row(node.key()).getWhat()).isEqualTo("ahead 3000"); // no background round trip
        assertThat(ports.row(pg.key()).getWhat()).isEqualTo("ahead 5432");
        assertThat(ports.row(redis.key()).getWhat()).isEmpty();
        runAll(background);
        runAll(fx);
        assertThat(described).containsExactly(redis);
        assertThat(ports.row(redis.key()).getWhat()).isEqualTo("label of 6379");

        // Used once: a socket of the same port with a new owner later is asked about as usual.
        ListeningSocket restarted = tcp("127.0.0.1", 3000, 5151, "node");
        poll(restarted, pg, redis);
        runAll(background);
        runAll(fx);
        assertThat(described).containsExactly(redis, restarted);
        assertThat(ports.row(node.key()).getWhat()).isEqualTo("label of 3000");
    }

    @Test
    void anAnswerAheadForASocketThatChangedMeanwhileIsNotUsed() {
        ListeningSocket old = tcp("127.0.0.1", 3000, 4242, "node");
        owners.useAnswers(RowOwners.describeAll(List.of(old), s ->
                new LikelyOwner("stale", "", OwnerCertainty.RECOGNISED_FROM_COMMAND_LINE, "", null)));
        ListeningSocket now = tcp("127.0.0.1", 3000, 5151, "node"); // restarted between the early scan and the rows
        poll(now);
        assertThat(ports.row(now.key()).getWhat()).isEmpty();
        runAll(background);
        runAll(fx);
        assertThat(described).containsExactly(now);
        assertThat(ports.row(now.key()).getWhat()).isEqualTo("label of 3000");
    }
}
