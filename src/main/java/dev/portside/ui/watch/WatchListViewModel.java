package dev.portside.ui.watch;

import dev.portside.core.AddressScope;
import dev.portside.core.ListeningSocket;
import dev.portside.core.PortCategory;
import dev.portside.core.Printable;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Snapshot;
import dev.portside.core.SnapshotDiff;
import dev.portside.knowledge.Texts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The watch list: the ports the user pinned, and what to tell them when a poll shows a change.
 * A pinned port that opens or closes gives a notification naming who opened it; optionally, so
 * does any new socket bound to every interface (0.0.0.0 or ::), which other computers may reach.
 * The first snapshot only sets the starting point: nothing is announced about what was already there.
 */
public final class WatchListViewModel {

    private final Notifier notifier;
    private final ObservableList<Integer> pinned = FXCollections.observableArrayList();
    private final BooleanProperty notifyNewExposed = new SimpleBooleanProperty(false);
    private final BooleanProperty systemNotifications = new SimpleBooleanProperty(true);
    private final StringProperty input = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper inputError = new ReadOnlyStringWrapper("");
    private Snapshot previous;

    public WatchListViewModel(Notifier notifier) {
        this.notifier = Objects.requireNonNull(notifier);
    }

    // --- commands ---

    /** Pins a port (0–65535); false when it is not a port or already pinned. */
    public boolean pin(int port) {
        if (port < 0 || port > PortCategory.MAX_PORT || pinned.contains(port)) {
            return false;
        }
        List<Integer> next = new ArrayList<>(pinned);
        next.add(port);
        next.sort(null);
        pinned.setAll(next);
        return true;
    }

    public boolean unpin(int port) {
        return pinned.remove(Integer.valueOf(port));
    }

    /** Pins the port, or unpins it when it is pinned already. */
    public void toggle(int port) {
        if (!unpin(port)) {
            pin(port);
        }
    }

    public boolean isPinned(int port) {
        return pinned.contains(port);
    }

    /** Replaces the whole list (restoring settings); anything that is not a port is left out. */
    public void setPinned(Collection<Integer> ports) {
        Set<Integer> clean = new TreeSet<>();
        for (Integer p : ports) {
            if (p != null && p >= 0 && p <= PortCategory.MAX_PORT) {
                clean.add(p);
            }
        }
        pinned.setAll(clean);
    }

    /**
     * Pins the ports typed in {@link #inputProperty()}: "3000", ":3000", "3000, 5432 8080". On a
     * mistake nothing is pinned and {@link #inputErrorProperty()} says why in plain words.
     */
    public boolean addFromInput() {
        String text = input.get() == null ? "" : input.get().strip();
        if (text.isEmpty()) {
            inputError.set(Texts.get("watch.input.empty"));
            return false;
        }
        Set<Integer> ports = new LinkedHashSet<>();
        for (String part : text.split("[\\s,;]+")) {
            String p = part.startsWith(":") ? part.substring(1) : part;
            if (p.isEmpty()) {
                continue;
            }
            int port = -1;
            if (p.length() <= 5 && p.chars().allMatch(Character::isDigit)) {
                port = Integer.parseInt(p);
            }
            if (port < 0 || port > PortCategory.MAX_PORT) {
                inputError.set(Texts.get("watch.input.invalid", part));
                return false;
            }
            ports.add(port);
        }
        if (ports.isEmpty()) {
            inputError.set(Texts.get("watch.input.empty"));
            return false;
        }
        ports.forEach(this::pin);
        input.set("");
        inputError.set("");
        return true;
    }

    // --- polls ---

    /** Compares a new snapshot with the one before and sends the notifications it calls for. */
    public void onSnapshot(Snapshot snapshot) {
        Snapshot before = previous;
        previous = snapshot;
        if (before == null) {
            return;
        }
        for (int port : pinned) {
            List<ListeningSocket> was = before.onPort(port);
            List<ListeningSocket> now = snapshot.onPort(port);
            if (was.isEmpty() && !now.isEmpty()) {
                notifier.notify(Texts.get("watch.notify.opened.title", port),
                        Texts.get("watch.notify.opened.text", who(now), endpoints(now)), systemNotifications.get());
            } else if (!was.isEmpty() && now.isEmpty()) {
                notifier.notify(Texts.get("watch.notify.closed.title", port),
                        Texts.get("watch.notify.closed.text", who(was), port), systemNotifications.get());
            }
        }
        if (notifyNewExposed.get()) {
            SnapshotDiff diff = SnapshotDiff.between(before, snapshot);
            // One message per owner, not one per socket: a server often opens IPv4 and IPv6 at once.
            Map<String, List<ListeningSocket>> byOwner = new TreeMap<>();
            for (ListeningSocket s : diff.added()) {
                if (s.scope() == AddressScope.ALL_INTERFACES && !pinned.contains(s.port())) {
                    byOwner.computeIfAbsent(who(List.of(s)), k -> new ArrayList<>()).add(s);
                }
            }
            byOwner.forEach((owner, sockets) -> notifier.notify(Texts.get("watch.notify.exposed.title"),
                    Texts.get("watch.notify.exposed.text", owner, endpoints(sockets)), systemNotifications.get()));
        }
    }

    /** "node (pid 4242)", or a plain-words stand-in when the owner is hidden. */
    static String who(List<ListeningSocket> sockets) {
        Set<String> names = new LinkedHashSet<>();
        for (ListeningSocket s : sockets) {
            ProcessInfo p = s.owner().orElse(null);
            names.add(p == null ? Texts.get("watch.notify.hiddenOwner")
                    : Texts.get("watch.notify.owner", Printable.of(p.displayName()), p.pid()));
        }
        return String.join(", ", names);
    }

    private static String endpoints(List<ListeningSocket> sockets) {
        return sockets.stream().map(s -> s.protocol().label() + " " + s.endpoint()).distinct()
                .collect(Collectors.joining(", "));
    }

    // --- properties ---

    /** The pinned ports, ascending. */
    public ObservableList<Integer> pinnedPorts() {
        return pinned;
    }

    /** Announce every new socket bound to every interface (off by default). */
    public BooleanProperty notifyNewExposedProperty() {
        return notifyNewExposed;
    }

    /**
     * Send these messages to the system's notification centre (on by default); off, or where the
     * system has none, they are pop-ups in the window.
     */
    public BooleanProperty systemNotificationsProperty() {
        return systemNotifications;
    }

    /** What the user types in the watch list's port field. */
    public StringProperty inputProperty() {
        return input;
    }

    /** Why the typed text could not be pinned, or "". */
    public ReadOnlyStringProperty inputErrorProperty() {
        return inputError.getReadOnlyProperty();
    }
}
