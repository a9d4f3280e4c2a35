package dev.portside.ui.ports;

import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import dev.portside.core.PortCategory;
import dev.portside.core.Printable;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.SocketKey;
import dev.portside.knowledge.HiddenOwners;
import dev.portside.knowledge.LikelyOwner;
import dev.portside.knowledge.Texts;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One row of the table. Its key never changes; its owner fields are updated in place when a poll
 * brings new details, so the row object (and the table's selection of it) lives as long as the
 * socket does.
 */
public final class PortRowViewModel {

    /** Sort value of the PID column for a hidden owner: after every real pid. */
    public static final int HIDDEN_PID = Integer.MAX_VALUE;

    private final SocketKey key;
    private final Instant firstSeen;
    private final ReadOnlyObjectWrapper<ListeningSocket> socket = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper process = new ReadOnlyStringWrapper();
    private final ReadOnlyIntegerWrapper pid = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper user = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<RowState> state = new ReadOnlyObjectWrapper<>(RowState.LISTENING);
    private final ReadOnlyBooleanWrapper pinned = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper();
    /** What the socket most likely is (the What column); null until {@link RowOwners} has worked it out. */
    private final ReadOnlyObjectWrapper<LikelyOwner> likelyOwner = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper what = new ReadOnlyStringWrapper("");
    /** The socket {@link #likelyOwner} describes (a newer socket of this row waits for its own). */
    ListeningSocket describedSocket;
    private Instant stateSince;
    /** The number of the last snapshot that held this row's socket (kept by {@link PortsViewModel}). */
    int lastPoll;

    public PortRowViewModel(ListeningSocket socket, Instant firstSeen) {
        this.key = socket.key();
        this.firstSeen = firstSeen;
        this.stateSince = firstSeen;
        update(socket);
    }

    /**
     * The row of a pinned port where nothing listens. It carries a stand-in socket (TCP, no owner)
     * so that every column has a value; {@link #isListening()} tells it apart.
     */
    public static PortRowViewModel notListening(int port, Instant since) {
        PortRowViewModel row = new PortRowViewModel(
                new ListeningSocket(Protocol.TCP, IpAddress.IPV4_ANY.family(), IpAddress.IPV4_ANY, port, List.of()),
                since);
        row.state.set(RowState.NOT_LISTENING);
        row.process.set(Texts.get("watch.notListening"));
        row.pinned.set(true);
        return row;
    }

    /** Takes the newest version of the same socket. */
    public void update(ListeningSocket newer) {
        if (!newer.key().equals(key)) {
            throw new IllegalArgumentException("row " + key + " cannot show " + newer.key());
        }
        socket.set(newer);
        ProcessInfo owner = newer.owner().orElse(null);
        if (owner == null) {
            process.set(HiddenOwners.rowText(newer.user())); // "hidden (user postgres)"
            pid.set(HIDDEN_PID);
            user.set(newer.user().name());
        } else {
            // What the table shows, escaped: anyone can name a process "new\nline" (see Printable).
            String name = Printable.of(owner.displayName());
            int others = newer.owners().size() - 1;
            process.set(others > 0 ? Texts.get("owner.more", name, others) : name);
            pid.set(owner.pid());
            user.set(Printable.of(owner.user()));
        }
    }

    /** The properties that a sorted or filtered list must watch. */
    Observable[] observables() {
        return new Observable[] {socket, process, pid, user, state, pinned, what};
    }

    /** What the socket most likely is ("Vite dev server — shop"); null until it is worked out. */
    public ReadOnlyObjectProperty<LikelyOwner> likelyOwnerProperty() {
        return likelyOwner.getReadOnlyProperty();
    }

    public LikelyOwner getLikelyOwner() {
        return likelyOwner.get();
    }

    /** The likely owner's label, the What column's value ("" until known). */
    public ReadOnlyStringProperty whatProperty() {
        return what.getReadOnlyProperty();
    }

    public String getWhat() {
        return what.get();
    }

    /** Sets what {@code described} (this row's socket when it was asked) most likely is. */
    void setLikelyOwner(ListeningSocket described, LikelyOwner owner) {
        describedSocket = described;
        likelyOwner.set(owner);
        what.set(owner == null ? "" : owner.label());
    }

    /** Listening, new, closing or (a pinned port) not listening. */
    public ReadOnlyObjectProperty<RowState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public RowState getState() {
        return state.get();
    }

    /** When the row entered its current state. */
    public Instant stateSince() {
        return stateSince;
    }

    void setState(RowState newState, Instant since) {
        stateSince = since;
        state.set(newState);
        closed.set(newState == RowState.CLOSING);
    }

    /**
     * True while the row lingers after its socket closed (struck through): what it shows is gone, so
     * nothing may act on it (End, Copy URL, Open). Pinned ports where nothing listens are not
     * "closed"; they never had a socket.
     */
    public ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** True while a real socket is open; false for closing rows and pinned ports where nothing listens. */
    public boolean isListening() {
        return state.get().isListening();
    }

    /** True when the user pinned this row's port (watch list). */
    public ReadOnlyBooleanProperty pinnedProperty() {
        return pinned.getReadOnlyProperty();
    }

    public boolean isPinned() {
        return pinned.get();
    }

    void setPinned(boolean value) {
        pinned.set(value);
    }

    public SocketKey key() {
        return key;
    }

    public Protocol protocol() {
        return key.protocol();
    }

    /** The address in text, or "" for a pinned port where nothing listens. */
    public String address() {
        return state.get() == RowState.NOT_LISTENING ? "" : key.address().toString();
    }

    public int port() {
        return key.port();
    }

    public PortCategory category() {
        return PortCategory.of(key.port());
    }

    public Instant firstSeen() {
        return firstSeen;
    }

    public ListeningSocket getSocket() {
        return socket.get();
    }

    public ReadOnlyObjectProperty<ListeningSocket> socketProperty() {
        return socket.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty processProperty() {
        return process.getReadOnlyProperty();
    }

    public String getProcess() {
        return process.get();
    }

    public boolean isOwnerHidden() {
        return state.get() != RowState.NOT_LISTENING && socket.get().ownerHidden();
    }

    /** The main owner's pid, or {@link #HIDDEN_PID}. */
    public ReadOnlyIntegerProperty pidProperty() {
        return pid.getReadOnlyProperty();
    }

    public int getPid() {
        return pid.get();
    }

    public ReadOnlyStringProperty userProperty() {
        return user.getReadOnlyProperty();
    }

    public String getUser() {
        return user.get();
    }

    /** The main owner's command line as shown (escaped), or "". */
    public String commandLineShown() {
        return socket.get().owner().map(p -> Printable.of(p.commandLine())).orElse("");
    }

    /** Every owner pid, for the tooltip of a shared socket. */
    public String ownerPids() {
        return socket.get().owners().stream().map(p -> Integer.toString(p.pid())).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return key.toString();
    }
}
