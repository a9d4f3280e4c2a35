package dev.portside.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable picture of the listening sockets at one moment, sorted by port, protocol and address.
 *
 * @param takenAt when the scan finished
 * @param took how long the scan took
 * @param sockets the sockets, one per {@link SocketKey}
 * @param scanner the name of the scanner that produced it, e.g. "oshi"
 */
public record Snapshot(Instant takenAt, Duration took, List<ListeningSocket> sockets, String scanner) {

    /**
     * The order of {@link SocketKey}, without building a key per comparison (10,000 rows poll every
     * second). A class, not {@code Comparator.comparing…}: those are serializable lambdas, which the
     * class-data-sharing archive cannot hold, so each was generated at run time (ASM, 1-2 ms each of
     * a command; docs/PERFORMANCE.md, "Start-up of a command").
     */
    private static final Comparator<ListeningSocket> BY_KEY = new ByKey();

    private static final class ByKey implements Comparator<ListeningSocket> {
        @Override
        public int compare(ListeningSocket a, ListeningSocket b) {
            int c = Integer.compare(a.port(), b.port());
            if (c == 0) {
                c = a.protocol().compareTo(b.protocol());
            }
            return c != 0 ? c : a.address().compareTo(b.address());
        }
    }

    public Snapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(took, "took");
        ListeningSocket[] sorted = sockets.toArray(new ListeningSocket[0]);
        Arrays.sort(sorted, BY_KEY); // stable, as a sorted stream is; no stream on a command's way (step 27)
        sockets = Collections.unmodifiableList(Arrays.asList(sorted));
        scanner = Objects.requireNonNullElse(scanner, "");
    }

    public static Snapshot empty(Instant at) {
        return new Snapshot(at, Duration.ZERO, List.of(), "");
    }

    /** How many sockets fall in each category (every category present, zero when none). */
    public Map<PortCategory, Integer> countByCategory() {
        Map<PortCategory, Integer> counts = new EnumMap<>(PortCategory.class);
        for (PortCategory c : PortCategory.values()) {
            counts.put(c, 0);
        }
        for (ListeningSocket s : sockets) {
            counts.merge(s.category(), 1, Integer::sum);
        }
        return counts;
    }

    public long hiddenOwnerCount() {
        return sockets.stream().filter(ListeningSocket::ownerHidden).count();
    }

    /** The sockets on a port, any protocol and address. */
    public List<ListeningSocket> onPort(int port) {
        List<ListeningSocket> on = new ArrayList<>();
        for (ListeningSocket s : sockets) {
            if (s.port() == port) {
                on.add(s);
            }
        }
        return Collections.unmodifiableList(on);
    }
}
