package dev.portside.ui.main;

import dev.portside.core.Snapshot;
import dev.portside.poll.PollingService;
import dev.portside.ui.ports.PortsViewModel;
import dev.portside.ui.status.StatusViewModel;
import java.time.ZoneId;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The window's state: receives each poll's outcome (on the FX thread) and passes it to the parts.
 */
public final class MainViewModel implements PollingService.Listener {

    private final PortsViewModel ports = new PortsViewModel();
    private final StatusViewModel status;
    private final ReadOnlyObjectWrapper<Snapshot> lastSnapshot = new ReadOnlyObjectWrapper<>();

    public MainViewModel(ZoneId zone) {
        this.status = new StatusViewModel(zone);
    }

    @Override
    public void onSnapshot(Snapshot snapshot) {
        ports.apply(snapshot);
        status.onSnapshot(snapshot);
        lastSnapshot.set(snapshot);
    }

    @Override
    public void onPollFailed(Throwable error) {
        status.onPollFailed(error);
    }

    public PortsViewModel ports() {
        return ports;
    }

    public StatusViewModel status() {
        return status;
    }

    public ReadOnlyObjectProperty<Snapshot> lastSnapshotProperty() {
        return lastSnapshot.getReadOnlyProperty();
    }
}
