package dev.portside.ui.ports;

import dev.portside.core.ListeningSocket;
import dev.portside.core.PortCategory;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.SocketKey;
import dev.portside.knowledge.Texts;
import java.time.Instant;
import java.util.stream.Collectors;
import javafx.beans.Observable;
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

    public PortRowViewModel(ListeningSocket socket, Instant firstSeen) {
        this.key = socket.key();
        this.firstSeen = firstSeen;
        update(socket);
    }

    /** Takes the newest version of the same socket. */
    public void update(ListeningSocket newer) {
        if (!newer.key().equals(key)) {
            throw new IllegalArgumentException("row " + key + " cannot show " + newer.key());
        }
        socket.set(newer);
        ProcessInfo owner = newer.owner().orElse(null);
        if (owner == null) {
            process.set(Texts.get("owner.hidden"));
            pid.set(HIDDEN_PID);
            user.set("");
        } else {
            int others = newer.owners().size() - 1;
            process.set(others > 0 ? Texts.get("owner.more", owner.displayName(), others) : owner.displayName());
            pid.set(owner.pid());
            user.set(owner.user());
        }
    }

    /** The properties that a sorted or filtered list must watch. */
    Observable[] observables() {
        return new Observable[] {socket, process, pid, user};
    }

    public SocketKey key() {
        return key;
    }

    public Protocol protocol() {
        return key.protocol();
    }

    public String address() {
        return key.address().toString();
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
        return socket.get().ownerHidden();
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

    /** Every owner pid, for the tooltip of a shared socket. */
    public String ownerPids() {
        return socket.get().owners().stream().map(p -> Integer.toString(p.pid())).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return key.toString();
    }
}
