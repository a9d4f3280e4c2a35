package dev.portside.ui.ports;

import dev.portside.core.ListeningSocket;
import dev.portside.core.Printable;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Snapshot;
import dev.portside.core.SocketKey;
import dev.portside.knowledge.Knowledge;
import dev.portside.knowledge.LikelyOwner;
import dev.portside.knowledge.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The rows of the port table, kept in step with the snapshots: a poll adds rows for new sockets,
 * updates the others in place, and marks the rows of closed sockets as closing. Never clears and
 * refills, so the selection, sort order and scroll position survive every poll.
 *
 * <p>Change highlighting: a socket that appears after the first snapshot is {@link RowState#NEW}
 * for {@link #NEW_HIGHLIGHT}; a socket that closes stays as {@link RowState#CLOSING} for
 * {@link #CLOSING_LINGER}, then its row goes. Time comes from the injected clock; {@link #tick()}
 * (called by the view on a timer, and by each poll) moves rows along, so tests need no sleeps.
 *
 * <p>Watch list: each pinned port where nothing listens has a {@link RowState#NOT_LISTENING} row.
 *
 * <p>The selection is the user's: nothing here moves it to another row. While the chosen socket's
 * row lingers as closing it stays chosen; when that row goes, or a filter hides the chosen row,
 * nothing is chosen, and for a closed socket {@link #closedSelectionProperty()} says what it was.
 * A socket that closes and opens again follows the selection only when the same processes hold it.
 */
public final class PortsViewModel {

    public static final Duration NEW_HIGHLIGHT = Duration.ofSeconds(5);
    public static final Duration CLOSING_LINGER = Duration.ofSeconds(5);

    private final Clock clock;
    /** Reports a poll's row updates as one change: one re-sort of the table, not one per row. */
    private final BatchedList<PortRowViewModel> rows = new BatchedList<>(PortRowViewModel::observables);
    private final FilteredList<PortRowViewModel> shownRows = new FilteredList<>(rows);
    /** Rows of real sockets, listening or closing. */
    private final Map<SocketKey, PortRowViewModel> byKey = new HashMap<>();
    /** Rows of pinned ports where nothing listens. */
    private final Map<Integer, PortRowViewModel> notListening = new TreeMap<>();
    private final Set<Integer> pinnedPorts = new TreeSet<>();
    /** The rows highlighted as new or closing: the only ones {@link #expire} has to look at. */
    private final Set<PortRowViewModel> timed = new LinkedHashSet<>();
    /** Counts the snapshots applied; see {@link PortRowViewModel#lastPoll}. */
    private int polls;
    private final ObjectProperty<PortRowViewModel> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ClosedSelection> closedSelection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper highlighting = new ReadOnlyBooleanWrapper();

    public PortsViewModel() {
        this(Clock.systemUTC());
    }

    public PortsViewModel(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        // Registered before any view's list: the choice is settled before the table hears of the change.
        shownRows.addListener(this::shownRowsChanged);
        selected.addListener((o, was, now) -> {
            if (now != null) {
                closedSelection.set(null);
            }
        });
    }

    /** Brings the rows in line with a new snapshot; the rows it updates are reported as one change. */
    public void apply(Snapshot snapshot) {
        rows.batch(() -> applyRows(snapshot));
    }

    /** The chosen row left the shown rows: hidden by the filter, or gone after its socket closed. */
    private void shownRowsChanged(ListChangeListener.Change<? extends PortRowViewModel> c) {
        PortRowViewModel chosen = selected.get();
        if (chosen == null) {
            return;
        }
        boolean removed = false;
        while (c.next() && !removed) {
            removed = c.wasRemoved() && c.getRemoved().contains(chosen);
        }
        if (!removed || shownRows.contains(chosen)) {
            return;
        }
        boolean stillARow = byKey.get(chosen.key()) == chosen || notListening.get(chosen.port()) == chosen;
        if (!stillARow && chosen.getState() == RowState.CLOSING) {
            closedSelection.set(new ClosedSelection(chosen.getSocket(), chosen.stateSince()));
        }
        selected.set(null);
    }

    private void applyRows(Snapshot snapshot) {
        Instant now = clock.instant();
        // The first snapshot is what was already there: nothing to point out.
        RowState arrival = loaded.get() ? RowState.NEW : RowState.LISTENING;
        Instant seen = snapshot.takenAt();
        int poll = ++polls; // rows of this snapshot's sockets are marked with it: the rest closed
        List<PortRowViewModel> added = new ArrayList<>();
        for (ListeningSocket s : snapshot.sockets()) {
            SocketKey key = s.key();
            PortRowViewModel row = byKey.get(key);
            if (row != null) {
                row.lastPoll = poll;
            }
            if (row != null && row.getState() == RowState.CLOSING) {
                // Closed and opened again: a new socket, with its own "since". The selection follows
                // it only when the same processes hold it; else the user is told it closed.
                byKey.remove(key);
                timed.remove(row);
                PortRowViewModel fresh = newRow(s, seen, RowState.NEW, now);
                fresh.lastPoll = poll;
                added.add(fresh);
                if (row == selected.get() && sameOwners(row.getSocket(), s)) {
                    selected.set(fresh); // before the old row goes, so that its going changes nothing
                }
                rows.remove(row);
            } else if (row == null) {
                PortRowViewModel fresh = newRow(s, seen, arrival, now);
                fresh.lastPoll = poll;
                added.add(fresh);
            } else if (row.getSocket() != s && !row.getSocket().equals(s)) {
                row.update(s);
            }
        }
        for (PortRowViewModel row : byKey.values()) {
            if (row.lastPoll != poll && row.isListening()) {
                setState(row, RowState.CLOSING, now);
            }
        }
        if (!added.isEmpty()) {
            rows.addAll(added);
        }
        loaded.set(true);
        expire(now);
    }

    /**
     * True while some row is highlighted as new or closing, i.e. while {@link #tick()} has work. The
     * view runs its ticker only then: a running animation keeps JavaFX redrawing 60 times a second.
     */
    public ReadOnlyBooleanProperty highlightingProperty() {
        return highlighting.getReadOnlyProperty();
    }

    /**
     * Runs changes to rows (their likely owners, worked out in the background) as one change of the
     * list: the table re-sorts and re-filters once, not once per row.
     */
    public void batch(Runnable changes) {
        rows.batch(changes);
    }

    /** Moves highlighted rows along the timeline: ends "new", drops "closing" rows whose time is up. */
    public void tick() {
        rows.batch(() -> expire(clock.instant()));
    }

    /** The ports on the watch list; each one where nothing listens gets a "not listening" row. */
    public void setPinnedPorts(Collection<Integer> ports) {
        pinnedPorts.clear();
        pinnedPorts.addAll(ports);
        rows.batch(() -> {
            for (PortRowViewModel row : byKey.values()) {
                row.setPinned(pinnedPorts.contains(row.port()));
            }
            syncNotListening(clock.instant());
        });
    }

    private PortRowViewModel newRow(ListeningSocket s, Instant seen, RowState state, Instant now) {
        PortRowViewModel row = new PortRowViewModel(s, seen);
        setState(row, state, now);
        row.setPinned(pinnedPorts.contains(s.port()));
        byKey.put(s.key(), row);
        return row;
    }

    /** Sets a row's state and keeps {@link #timed} in step: it holds exactly the new and closing rows. */
    private void setState(PortRowViewModel row, RowState state, Instant now) {
        row.setState(state, now);
        if (state == RowState.NEW || state == RowState.CLOSING) {
            timed.add(row);
        } else {
            timed.remove(row);
        }
    }

    private void expire(Instant now) {
        List<PortRowViewModel> gone = new ArrayList<>();
        // only the highlighted rows: a poll of 10,000 quiet rows does not walk them all again
        timed.removeIf(row -> {
            Instant since = row.stateSince();
            if (row.getState() == RowState.NEW && !now.isBefore(since.plus(NEW_HIGHLIGHT))) {
                row.setState(RowState.LISTENING, now);
                return true;
            } else if (row.getState() == RowState.CLOSING && !now.isBefore(since.plus(CLOSING_LINGER))) {
                gone.add(row);
                byKey.remove(row.key());
                return true;
            }
            return false;
        });
        highlighting.set(!timed.isEmpty());
        if (!gone.isEmpty()) {
            rows.removeAll(gone); // a chosen row among them: see shownRowsChanged
        }
        syncNotListening(now);
    }

    /** A pinned port has a "not listening" row exactly when no row of a real socket shows it. */
    private void syncNotListening(Instant now) {
        if (!loaded.get()) {
            return; // before the first scan we do not know what listens
        }
        if (pinnedPorts.isEmpty() && notListening.isEmpty()) {
            return; // nothing pinned: no need to collect 10,000 ports every poll
        }
        Set<Integer> covered = new HashSet<>();
        for (PortRowViewModel row : byKey.values()) {
            covered.add(row.port());
        }
        List<PortRowViewModel> gone = new ArrayList<>();
        notListening.values().removeIf(row -> {
            if (!pinnedPorts.contains(row.port()) || covered.contains(row.port())) {
                gone.add(row);
                return true;
            }
            return false;
        });
        if (!gone.isEmpty()) {
            rows.removeAll(gone);
        }
        List<PortRowViewModel> added = new ArrayList<>();
        for (int port : pinnedPorts) {
            if (!covered.contains(port) && !notListening.containsKey(port)) {
                PortRowViewModel row = PortRowViewModel.notListening(port, now);
                notListening.put(port, row);
                added.add(row);
            }
        }
        if (!added.isEmpty()) {
            rows.addAll(added);
        }
    }

    /** True when both are held by the same processes (pid and start time), all of them known. */
    static boolean sameOwners(ListeningSocket a, ListeningSocket b) {
        if (a.owners().isEmpty() || a.owners().size() != b.owners().size()) {
            return false;
        }
        Set<String> identities = new HashSet<>();
        for (ProcessInfo p : a.owners()) {
            if (p.startTime() == null) {
                return false; // a pid alone may have been reused
            }
            identities.add(p.pid() + "@" + p.startTime());
        }
        for (ProcessInfo p : b.owners()) {
            if (p.startTime() == null || !identities.contains(p.pid() + "@" + p.startTime())) {
                return false;
            }
        }
        return true;
    }

    /** Every row, in arrival order, including closing rows and pinned ports where nothing listens. */
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

    /**
     * The socket that was chosen until its row went after it closed; null again once the user chooses
     * a row. The detail pane says that it closed, when, and who held it.
     */
    public ReadOnlyObjectProperty<ClosedSelection> closedSelectionProperty() {
        return closedSelection.getReadOnlyProperty();
    }

    /** The row of a real socket (listening or closing), or null. */
    public PortRowViewModel row(SocketKey key) {
        return byKey.get(key);
    }

    /** The "not listening" row of a pinned port, or null. */
    public PortRowViewModel notListeningRow(int port) {
        return notListening.get(port);
    }

    /**
     * The What cell's tooltip for a row: how sure the label is, and the owner's sentence with its
     * age ("started 2 minutes ago") as of now, put into words again from the kept facts (no OS
     * read); "" while the row is not described. Asked when the tooltip shows.
     */
    public String whatTooltip(PortRowViewModel row) {
        LikelyOwner owner = row.getLikelyOwner();
        if (owner == null) {
            return "";
        }
        return whatTooltip(Knowledge.sharedIfLoaded()
                .map(k -> k.withClock(clock).likelyOwner(row.getSocket(), owner.facts())).orElse(owner));
    }

    /** "Recognised from its command line. Vite dev server (node, pid 4121), started …". */
    static String whatTooltip(LikelyOwner owner) {
        return Texts.get("what.tooltip", owner.certaintyText(), Printable.of(owner.sentence()));
    }

    /** True once the first snapshot arrived (before that the table says "looking"). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
