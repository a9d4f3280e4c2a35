package dev.portside.ui.ports;

import dev.portside.core.ListeningSocket;
import dev.portside.knowledge.LikelyOwner;
import dev.portside.poll.BackgroundRunner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works out what each row's socket most likely is (the What column) off the FX thread: after each
 * poll, the rows whose socket is new or changed are described in one background task (the facts
 * behind the words are cached per process, so an unchanged process costs no I/O), and the answers
 * come back as one change of the table. A poll that changed nothing costs one pass over the rows.
 */
public final class RowOwners {

    private static final Logger LOG = LoggerFactory.getLogger(RowOwners.class);

    private final PortsViewModel ports;
    private final BackgroundRunner runner;
    private final Function<ListeningSocket, LikelyOwner> describe;
    /** Sockets handed to the background and not back yet. */
    private final Map<ListeningSocket, Boolean> pending = new HashMap<>();
    private int batches;
    /** Answers for the next refresh (see {@link #useAnswers}), or null. */
    private Map<ListeningSocket, LikelyOwner> ahead;

    /**
     * @param runner a serial lane: one batch at a time, in order
     * @param describe what a socket is (reads the OS; runs on the runner)
     */
    public RowOwners(PortsViewModel ports, BackgroundRunner runner, Function<ListeningSocket, LikelyOwner> describe) {
        this.ports = Objects.requireNonNull(ports);
        this.runner = Objects.requireNonNull(runner);
        this.describe = Objects.requireNonNull(describe);
    }

    /**
     * Answers worked out before the rows existed (the first snapshot's, described while the window
     * was built): the next {@link #refresh()} gives them to the rows of those sockets at once instead
     * of asking the background again. FX thread.
     */
    public void useAnswers(Map<ListeningSocket, LikelyOwner> answers) {
        ahead = Objects.requireNonNull(answers);
    }

    /** After a poll (on the FX thread): describes the rows whose socket changed since they were described. */
    public void refresh() {
        Map<ListeningSocket, LikelyOwner> known = ahead;
        ahead = null;
        List<ListeningSocket> wanted = new ArrayList<>();
        Map<ListeningSocket, LikelyOwner> answered = new LinkedHashMap<>();
        for (PortRowViewModel row : ports.rows()) {
            if (row.getState() == RowState.NOT_LISTENING) {
                continue;
            }
            ListeningSocket s = row.getSocket();
            // The Linux scanner hands out the same socket object while nothing changed; OSHI an equal one.
            if (row.describedSocket != s && !s.equals(row.describedSocket) && !pending.containsKey(s)) {
                if (known != null && known.containsKey(s)) {
                    answered.put(s, known.get(s));
                    continue;
                }
                pending.put(s, Boolean.TRUE);
                wanted.add(s);
            }
        }
        if (!answered.isEmpty()) {
            apply(answered);
        }
        if (wanted.isEmpty()) {
            return;
        }
        batches++;
        runner.run(() -> describeAll(wanted, describe), this::apply, e -> {
            LOG.warn("Could not tell what the sockets are", e);
            wanted.forEach(pending::remove);
        });
    }

    /**
     * What each socket is, in order; null for one that could not be told (the others keep their
     * answers). Reads the OS: off the FX thread.
     */
    public static Map<ListeningSocket, LikelyOwner> describeAll(Collection<ListeningSocket> sockets,
            Function<ListeningSocket, LikelyOwner> describe) {
        Map<ListeningSocket, LikelyOwner> answers = new LinkedHashMap<>();
        for (ListeningSocket s : sockets) {
            try {
                answers.put(s, describe.apply(s));
            } catch (RuntimeException | LinkageError e) { // one socket's failure leaves the others' answers
                LOG.warn("Could not tell what {} is", s.key(), e);
                answers.put(s, null);
            }
        }
        return answers;
    }

    private void apply(Map<ListeningSocket, LikelyOwner> answers) {
        ports.batch(() -> answers.forEach((s, owner) -> {
            pending.remove(s);
            PortRowViewModel row = ports.row(s.key());
            if (row != null && row.getSocket().equals(s)) {
                row.setLikelyOwner(row.getSocket(), owner);
            }
        }));
    }

    /** How many background batches were started (tests check that an unchanged poll starts none). */
    public int batches() {
        return batches;
    }
}
