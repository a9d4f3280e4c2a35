package dev.portside.ui.ports;

import dev.portside.core.ListeningSocket;
import dev.portside.core.SocketKey;
import dev.portside.core.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The rows of the port table, kept in step with the snapshots: a poll adds rows for new sockets,
 * removes rows of closed ones and updates the others in place. Never clears and refills, so the
 * selection, sort order and scroll position survive every poll.
 */
public final class PortsViewModel {

    private final ObservableList<PortRowViewModel> rows =
            FXCollections.observableArrayList(PortRowViewModel::observables);
    private final FilteredList<PortRowViewModel> shownRows = new FilteredList<>(rows);
    private final Map<SocketKey, PortRowViewModel> byKey = new HashMap<>();
    private final ObjectProperty<PortRowViewModel> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();

    /** Brings the rows in line with a new snapshot. */
    public void apply(Snapshot snapshot) {
        Instant seen = snapshot.takenAt();
        Set<SocketKey> current = new HashSet<>(snapshot.sockets().size() * 2);
        List<PortRowViewModel> added = new ArrayList<>();
        for (ListeningSocket s : snapshot.sockets()) {
            SocketKey key = s.key();
            current.add(key);
            PortRowViewModel row = byKey.get(key);
            if (row == null) {
                row = new PortRowViewModel(s, seen);
                byKey.put(key, row);
                added.add(row);
            } else if (!row.getSocket().equals(s)) {
                row.update(s);
            }
        }
        if (byKey.size() > current.size()) {
            Set<PortRowViewModel> gone = new HashSet<>();
            byKey.values().removeIf(row -> {
                if (current.contains(row.key())) {
                    return false;
                }
                gone.add(row);
                return true;
            });
            rows.removeAll(gone);
            if (gone.contains(selected.get())) {
                selected.set(null);
            }
        }
        if (!added.isEmpty()) {
            rows.addAll(added);
        }
        loaded.set(true);
    }

    /** Every row, in arrival order. */
    public ObservableList<PortRowViewModel> rows() {
        return rows;
    }

    /** The rows that pass the current filter (the table sorts these). */
    public ObservableList<PortRowViewModel> shownRows() {
        return shownRows;
    }

    public ObjectProperty<Predicate<? super PortRowViewModel>> filterProperty() {
        return shownRows.predicateProperty();
    }

    /** The row the user selected; the table writes it, the detail pane and actions read it. */
    public ObjectProperty<PortRowViewModel> selectedProperty() {
        return selected;
    }

    public PortRowViewModel row(SocketKey key) {
        return byKey.get(key);
    }

    /** True once the first snapshot arrived (before that the table says "looking"). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
