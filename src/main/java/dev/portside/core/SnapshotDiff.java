package dev.portside.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two snapshots, socket by socket, keyed by {@link SocketKey} so that a socket
 * keeps its identity across polls.
 *
 * @param added sockets in the new snapshot only
 * @param removed sockets in the old snapshot only
 * @param kept sockets in both (the new version), whether or not their details changed
 * @param changed the subset of {@code kept} whose details (owners, family) differ from before
 */
public record SnapshotDiff(List<ListeningSocket> added, List<ListeningSocket> removed, List<ListeningSocket> kept,
        List<ListeningSocket> changed) {

    public SnapshotDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        kept = List.copyOf(kept);
        changed = List.copyOf(changed);
    }

    public static SnapshotDiff between(Snapshot before, Snapshot after) {
        return between(before.sockets(), after.sockets());
    }

    public static SnapshotDiff between(List<ListeningSocket> before, List<ListeningSocket> after) {
        Map<SocketKey, ListeningSocket> old = new HashMap<>(before.size() * 2);
        for (ListeningSocket s : before) {
            old.put(s.key(), s);
        }
        List<ListeningSocket> added = new ArrayList<>();
        List<ListeningSocket> kept = new ArrayList<>();
        List<ListeningSocket> changed = new ArrayList<>();
        for (ListeningSocket s : after) {
            ListeningSocket previous = old.remove(s.key());
            if (previous == null) {
                added.add(s);
            } else {
                kept.add(s);
                if (!previous.equals(s)) {
                    changed.add(s);
                }
            }
        }
        return new SnapshotDiff(added, new ArrayList<>(old.values()), kept, changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
}
