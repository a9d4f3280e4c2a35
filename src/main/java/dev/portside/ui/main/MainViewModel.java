package dev.portside.ui.main;

import dev.portside.core.Snapshot;
import dev.portside.poll.BackgroundRunner;
import dev.portside.poll.PollingService;
import dev.portside.ui.control.ControlViewModel;
import dev.portside.ui.control.ExportViewModel;
import dev.portside.ui.detail.DetailServices;
import dev.portside.ui.detail.DetailViewModel;
import dev.portside.ui.filter.EmptyStateViewModel;
import dev.portside.ui.filter.FilterBarViewModel;
import dev.portside.ui.ports.PortRowViewModel;
import dev.portside.ui.ports.PortsViewModel;
import dev.portside.ui.ports.RowOwners;
import dev.portside.ui.status.StatusViewModel;
import dev.portside.ui.watch.Notifier;
import dev.portside.ui.watch.WatchListViewModel;
import java.time.Clock;
import java.time.ZoneId;
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
    private final BackgroundRunner runner;
    private final RowOwners rowOwners;

    /**
     * A model with background threads of its own (for tests of the window's content): the detail pane
     * and exports work on them and come back with {@code Platform.runLater}. The app passes its one
     * runner instead.
     */
    public MainViewModel(ZoneId zone) {
        this(zone, Clock.systemUTC(), Notifier.NONE,
                BackgroundRunner.daemonThreads("portside-background", 2, Platform::runLater));
    }

    public MainViewModel(ZoneId zone, DetailServices detailServices) {
        this(zone, detailServices, Clock.systemUTC(), Notifier.NONE, detailServices.runner());
    }

    /** With the real detail services; for the app, and tests of the table, filter and watch list. */
    public MainViewModel(ZoneId zone, Clock clock, Notifier notifier, BackgroundRunner runner) {
        this(zone, DetailServices.system(zone, runner), clock, notifier, runner);
    }

    /**
     * @param clock the time of change highlighting
     * @param notifier where watch-list and export messages go
     * @param runner runs slow work (writing an export file) and brings results back to the FX thread
     */
    public MainViewModel(ZoneId zone, DetailServices detailServices, Clock clock, Notifier notifier,
            BackgroundRunner runner) {
        this.runner = runner;
        this.ports = new PortsViewModel(clock);
        this.status = new StatusViewModel(zone);
        this.detail = new DetailViewModel(ports.selectedProperty(), ports.closedSelectionProperty(), detailServices);
        this.filter = new FilterBarViewModel(ports);
        this.watch = new WatchListViewModel(notifier);
        this.export = new ExportViewModel(runner.executor(), runner::onUi, notifier);
        this.emptyState = new EmptyStateViewModel(ports, filter, status.errorProperty());
        // What each socket is (the What column), worked out in the background once per changed socket;
        // the search finds a socket by it ("PostgreSQL", "shop-web") and exports carry it.
        this.rowOwners = new RowOwners(ports, runner.serial(), detailServices::describe);
        filter.setOwnerLabel(s -> {
            PortRowViewModel row = ports.row(s.key());
            return row == null ? "" : row.getWhat();
        });
        export.setOwners(s -> {
            PortRowViewModel row = ports.row(s.key());
            return row == null ? null : row.getLikelyOwner();
        });
        watch.pinnedPorts().addListener((ListChangeListener<Integer>) c -> ports.setPinnedPorts(watch.pinnedPorts()));
    }

    @Override
    public void onSnapshot(Snapshot snapshot) {
        ports.apply(snapshot);
        rowOwners.refresh();
        status.onSnapshot(snapshot);
        watch.onSnapshot(snapshot);
        lastSnapshot.set(snapshot);
        detail.tick(); // the ages it shows move on when their minute turns, even when the socket does not change
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

    /** The runner the window's background work goes through. */
    public BackgroundRunner runner() {
        return runner;
    }

    /** Works out the What column. */
    public RowOwners rowOwners() {
        return rowOwners;
    }

    public ReadOnlyObjectProperty<Snapshot> lastSnapshotProperty() {
        return lastSnapshot.getReadOnlyProperty();
    }
}
