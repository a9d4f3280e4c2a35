package dev.portside.ui.main;

import dev.portside.core.Snapshot;
import dev.portside.poll.PollingService;
import dev.portside.ui.detail.DetailServices;
import dev.portside.ui.detail.DetailViewModel;
import dev.portside.ui.ports.PortsViewModel;
import dev.portside.ui.status.StatusViewModel;
import java.time.ZoneId;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The window's state: receives each poll's outcome (on the FX thread) and passes it to the parts.
 */
public final class MainViewModel implements PollingService.Listener {

    private final PortsViewModel ports = new PortsViewModel();
    private final StatusViewModel status;
    private final ReadOnlyObjectWrapper<Snapshot> lastSnapshot = new ReadOnlyObjectWrapper<>();
    private final DetailViewModel detail;

    /** The app's model: the detail pane works on a background thread and comes back with {@code Platform.runLater}. */
    public MainViewModel(ZoneId zone) {
        this(zone, DetailServices.system(zone, Platform::runLater));
    }

    public MainViewModel(ZoneId zone, DetailServices detailServices) {
        this.status = new StatusViewModel(zone);
        this.detail = new DetailViewModel(ports.selectedProperty(), detailServices);
    }

    @Override
    public void onSnapshot(Snapshot snapshot) {
        ports.apply(snapshot);
        status.onSnapshot(snapshot);
        lastSnapshot.set(snapshot);
        detail.refresh(); // ages and process details move on even when the socket does not change
    }

    @Override
    public void onPollFailed(Throwable error) {
        status.onPollFailed(error);
    }

    public PortsViewModel ports() {
        return ports;
    }

    public DetailViewModel detail() {
        return detail;
    }

    public StatusViewModel status() {
        return status;
    }

    public ReadOnlyObjectProperty<Snapshot> lastSnapshotProperty() {
        return lastSnapshot.getReadOnlyProperty();
    }
}
