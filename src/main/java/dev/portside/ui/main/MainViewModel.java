package dev.portside.ui.main;

import dev.portside.core.Snapshot;
import dev.portside.knowledge.Knowledge;
import dev.portside.poll.PollingService;
import dev.portside.ui.control.ControlViewModel;
import dev.portside.ui.control.ExportViewModel;
import dev.portside.ui.detail.DetailServices;
import dev.portside.ui.detail.DetailViewModel;
import dev.portside.ui.filter.EmptyStateViewModel;
import dev.portside.ui.filter.FilterBarViewModel;
import dev.portside.ui.ports.PortsViewModel;
import dev.portside.ui.status.StatusViewModel;
import dev.portside.ui.watch.Notifier;
import dev.portside.ui.watch.WatchListViewModel;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;

/**
 * The window's state: receives each poll's outcome (on the FX thread) and passes it to the parts.
 */
public final class MainViewModel implements PollingService.Listener {

    private final PortsViewModel ports;
    private final StatusViewModel status;
    private final ReadOnlyObjectWrapper<Snapshot> lastSnapshot = new ReadOnlyObjectWrapper<>();
    private final DetailViewModel detail;
    private final FilterBarViewModel filter;
    private final WatchListViewModel watch;
    private final ControlViewModel control = new ControlViewModel();
    private final ExportViewModel export;
    private final EmptyStateViewModel emptyState;

    /** The app's model: the detail pane works on a background thread and comes back with {@code Platform.runLater}. */
    public MainViewModel(ZoneId zone) {
        this(zone, DetailServices.system(zone, Platform::runLater));
    }

    public MainViewModel(ZoneId zone, DetailServices detailServices) {
        this(zone, detailServices, Clock.systemUTC(), Notifier.NONE, MainViewModel::onDaemonThread,
                Platform::runLater);
    }

    /** With the real detail services; for tests of the table, filter and watch list. */
    public MainViewModel(ZoneId zone, Clock clock, Notifier notifier, Executor background, Executor fx) {
        this(zone, DetailServices.system(zone, fx), clock, notifier, background, fx);
    }

    /**
     * @param clock the time of change highlighting
     * @param notifier where watch-list and export messages go
     * @param background runs slow work (writing an export file)
     * @param fx brings results back to the FX thread
     */
    public MainViewModel(ZoneId zone, DetailServices detailServices, Clock clock, Notifier notifier,
            Executor background, Executor fx) {
        this.ports = new PortsViewModel(clock);
        this.status = new StatusViewModel(zone);
        this.detail = new DetailViewModel(ports.selectedProperty(), detailServices);
        this.filter = new FilterBarViewModel(ports);
        this.watch = new WatchListViewModel(notifier);
        this.export = new ExportViewModel(background, fx, notifier);
        this.emptyState = new EmptyStateViewModel(ports, filter, status.errorProperty());
        // The search finds a socket by its likely owner ("PostgreSQL") once the bundled knowledge is read.
        filter.setOwnerLabel(s -> Knowledge.sharedIfLoaded().map(k -> k.likelyOwner(s).label()).orElse(""));
        watch.pinnedPorts().addListener((ListChangeListener<Integer>) c -> ports.setPinnedPorts(watch.pinnedPorts()));
    }

    private static void onDaemonThread(Runnable r) {
        Thread t = new Thread(r, "portside-background");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void onSnapshot(Snapshot snapshot) {
        ports.apply(snapshot);
        status.onSnapshot(snapshot);
        watch.onSnapshot(snapshot);
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

    public FilterBarViewModel filter() {
        return filter;
    }

    public WatchListViewModel watch() {
        return watch;
    }

    public ControlViewModel control() {
        return control;
    }

    public ExportViewModel export() {
        return export;
    }

    public EmptyStateViewModel emptyState() {
        return emptyState;
    }

    public ReadOnlyObjectProperty<Snapshot> lastSnapshotProperty() {
        return lastSnapshot.getReadOnlyProperty();
    }
}
