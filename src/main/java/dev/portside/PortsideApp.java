package dev.portside;

import dev.portside.poll.BackgroundRunner;
import dev.portside.action.PortFreer;
import dev.portside.action.ProcessTerminator;
import dev.portside.action.UrlBuilder;
import dev.portside.diagnose.Diagnose;
import dev.portside.core.ListeningSocket;
import dev.portside.core.Snapshot;
import dev.portside.knowledge.LikelyOwner;
import dev.portside.knowledge.Knowledge;
import dev.portside.knowledge.OwnerDescriber;
import dev.portside.knowledge.Texts;
import dev.portside.poll.PollingService;
import dev.portside.scan.LazyScanner;
import dev.portside.scan.ScanAhead;
import dev.portside.scan.PortScanner;
import dev.portside.scan.Scanners;
import dev.portside.ui.FirstFrame;
import dev.portside.ui.about.AppIcons;
import dev.portside.ui.control.PollControl;
import dev.portside.ui.actions.ActionServices;
import dev.portside.ui.actions.ActionsViewModel;
import dev.portside.ui.actions.FxClipboard;
import dev.portside.ui.detail.DetailServices;
import dev.portside.ui.diagnose.DiagnoseServices;
import dev.portside.ui.diagnose.DiagnoseViewModel;
import dev.portside.ui.main.MainView;
import dev.portside.ui.main.MainViewModel;
import dev.portside.ui.ports.RowOwners;
import dev.portside.ui.settings.Settings;
import dev.portside.ui.settings.SettingsAutosave;
import dev.portside.ui.settings.SettingsBinder;
import dev.portside.ui.settings.SettingsStore;
import dev.portside.platform.HostSystem;
import dev.portside.ui.settings.ThemeChoice;
import dev.portside.ui.theme.ThemeManager;
import dev.portside.ui.watch.FxNotifier;
import dev.portside.ui.watch.Notifier;
import dev.portside.ui.watch.SystemNotifier;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.IkonResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: wires scanner, polling, view models and views.
 *
 * <p>Start-up does no file or netlink I/O on the FX thread: the settings file is read and the
 * scanners are opened on the one background runner while the window is built; the window shows once
 * its settings are there, and polling starts then. Closing lets the poll and the work in flight
 * finish before the scanners are closed and the settings written for the last time.
 */
public class PortsideApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(PortsideApp.class);
    /** At the end: how long the window's last work (the settings' last save, an action) may take. */
    private static final Duration FINISH_WAIT = Duration.ofSeconds(3);
    /**
     * How long the window waits for the first snapshot's What column when the scan is there and the
     * column not yet: its describing starts when the scan ends, and ends a few milliseconds after
     * the window is ready in one start in five (docs/PERFORMANCE.md, "Fifth round").
     */
    private static final Duration WHAT_WAIT = Duration.ofMillis(150);
    private static Duration whatWait = WHAT_WAIT;

    private static Supplier<PortScanner> scannerFactory = Scanners::best;
    private static Supplier<SettingsStore> settingsFactory = SettingsStore::inDefaultDirectory;
    private static BiFunction<ZoneId, BackgroundRunner, DetailServices> detailServicesFactory = DetailServices::system;
    /** Null: the system's notifications ({@link #systemNotifier}). */
    private static Function<Window, Notifier> notifierFactory;

    private BackgroundRunner runner;
    private SettingsStore settingsStore;
    private CompletableFuture<Settings> savedSettings;
    /** The desktop's light or dark preference, asked ahead like the settings (it runs a command). */
    private CompletableFuture<Optional<Boolean>> systemPrefersDark;
    /** The window's icons, decoded ahead (PNG decoding is not the FX thread's work). */
    private CompletableFuture<List<Image>> icons;
    private ScanAhead pollScanner;
    private PollingService polling;
    private LazyScanner actionScanner;
    /** The diagnosis scans with its own scanner, on its own lane, opened on first use. */
    private LazyScanner diagnoseScanner;
    private SettingsAutosave autosave;
    private MainViewModel model;
    /** What the detail pane and the What column read (knowledge, owners): made with the runner. */
    private DetailServices detailServices;
    /** What the first snapshot's sockets are, worked out while the window is built. */
    private CompletableFuture<Map<ListeningSocket, LikelyOwner>> firstOwners;
    private MainView view;
    private ThemeManager theme;
    private Stage stage;
    /** Set once the window has waited for the first snapshot's What column (it waits once). */
    private boolean waitedForWhat;

    /** Tests start the app on a fake or a specific scanner. */
    public static void useScanner(Supplier<PortScanner> factory) {
        scannerFactory = Objects.requireNonNull(factory);
    }

    /** Tests tell what sockets are (the What column, the detail pane) their own way; null: the system's. */
    public static void useDetailServices(BiFunction<ZoneId, BackgroundRunner, DetailServices> factory) {
        detailServicesFactory = factory == null ? DetailServices::system : factory;
    }

    /**
     * Tests wait for the first What column longer or shorter than the window does (zero: not at all,
     * the window shows within {@link #start}, for tests that look at it at once); null: its own wait.
     */
    public static void useWhatWait(Duration wait) {
        whatWait = wait == null ? WHAT_WAIT : wait;
    }

    /** Tests keep their settings in a temporary directory. */
    public static void useSettings(Supplier<SettingsStore> factory) {
        settingsFactory = Objects.requireNonNull(factory);
    }

    /** Tests record notifications instead of showing pop-ups. */
    public static void useNotifier(Function<Window, Notifier> factory) {
        notifierFactory = Objects.requireNonNull(factory);
    }

    /** Back to the system's notifications. */
    public static void useSystemNotifier() {
        notifierFactory = null;
    }

    /** On the launcher thread, before {@link #start}: the slow reads begin while the toolkit starts the window. */
    @Override
    public void init() {
        beginLoading();
    }

    /** Starts reading the settings, the bundled data and opening the poll scanner in the background (once). */
    private synchronized void beginLoading() {
        if (runner != null) {
            return;
        }
        runner = BackgroundRunner.daemonThreads("portside-background", 3, Platform::runLater);
        settingsStore = settingsFactory.get();
        savedSettings = runner.supply(settingsStore::load).exceptionally(e -> Settings.defaults());
        Supplier<PortScanner> open = scannerFactory;
        // Opened and its first snapshot taken while the window is built, so the table is filled when it shows.
        pollScanner = ScanAhead.start(LazyScanner.openingIn(runner.supply(open::get)), runner::supply);
        // What those sockets are (the What column), worked out as soon as they are scanned, while the
        // FX thread builds the window: the rows have it when the window is first styled and laid out,
        // instead of a second pass over their cells before the first frame (docs/PERFORMANCE.md,
        // "Fourth round: the window").
        DetailServices services = detailServicesFactory.apply(ZoneId.systemDefault(), runner);
        detailServices = services;
        firstOwners = pollScanner.first().thenCompose(first -> {
            StartUpTrace.mark("first scan");
            return runner.supply(() -> {
                Map<ListeningSocket, LikelyOwner> answers = RowOwners.describeAll(first.sockets(), services::describe);
                StartUpTrace.mark("What worked out");
                return answers;
            });
        });
        systemPrefersDark = runner.supply(() -> HostSystem.current().theme().prefersDark())
                .exceptionally(e -> Optional.empty());
        icons = runner.supply(AppIcons::all).exceptionally(e -> List.of());
        // The icon font (Ikonli finds its handlers and loads their fonts when first asked), which the
        // views' first icon would otherwise load on the FX thread; that thread waits for it if it is
        // not done by then.
        runner.supply(IkonResolver::getInstance);
        // The locale's number symbols (CLDR's data, read and parsed at their first use: 40-50 ms in a
        // fresh JVM without the archive), which the poll interval's "Every 0.5 s" would otherwise read
        // on the FX thread on the way to the first frame (docs/PERFORMANCE.md, "Fourth round: the window").
        runner.supply(() -> java.text.DecimalFormatSymbols.getInstance(Locale.getDefault()));
        // ControlsFX's texts, which its StatusBar reads in its constructor (a resource bundle looked
        // for in each of the class path's 21 jars): 5-10 ms of the FX thread building the views.
        runner.supply(() -> impl.org.controlsfx.i18n.Localization.localize("statusbar.ok"));
        // The actions scan with their own scanner on their own lane (a scanner serves one thread),
        // opened on first use.
        actionScanner = new LazyScanner(open);
        diagnoseScanner = new LazyScanner(open);
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        beginLoading(); // tests call start() without init()
        StartUpTrace.mark("start");
        ZoneId zone = ZoneId.systemDefault();
        theme = new ThemeManager();
        // The theme the window will have, when already known: styling the window light and then again
        // dark would cost the FX thread a second pass over every node (and show a light flash).
        if (Boolean.TRUE.equals(knownDarkTheme())) {
            theme.setDark(true);
        } else {
            theme.apply();
        }
        StartUpTrace.mark("theme");
        // Tooltips and the like are made after the first frame (FirstFrame).
        FirstFrame.hold();

        Notifier notifier = notifierFactory == null ? systemNotifier(stage) : notifierFactory.apply(stage);
        model = new MainViewModel(zone, detailServices, Clock.systemUTC(), notifier, runner);
        ThemeChoice themeChoice = new ThemeChoice(theme, HostSystem.current().theme()::prefersDark, runner);
        ActionServices services = new ActionServices(new PortFreer(actionScanner, new ProcessTerminator()),
                new UrlBuilder(UrlBuilder.KNOWLEDGE_TLS), new FxClipboard(), this::openInBrowser,
                runner.serial(), () -> {
                    if (polling != null) {
                        polling.pollNow();
                    }
                }, OwnerDescriber.shared().finder()); // a container's port: stop the container (owner package)
        ActionsViewModel actions = new ActionsViewModel(model.ports().selectedProperty(), model.lastSnapshotProperty(),
                services, null, zone);
        StartUpTrace.mark("models");
        view = new MainView(model, theme, zone, themeChoice, actions);
        view.attachDiagnosis(diagnosis(actions));
        StartUpTrace.mark("views");

        // Start at a comfortable size that always fits the screen.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // Our stylesheet before the nodes join the scene: they are matched against all the rules once
        // (a stylesheet added afterwards has every node matched again).
        Scene scene = new Scene(new Group(), Math.min(1360, screen.getWidth() * 0.9),
                Math.min(800, screen.getHeight() * 0.9));
        scene.getStylesheets().add(Objects.requireNonNull(
                PortsideApp.class.getResource("/dev/portside/ui/portside.css")).toExternalForm());
        scene.setRoot(view.node());
        stage.setTitle(Texts.get("app.title"));
        view.setLinkOpener(this::openInBrowser);
        stage.setScene(scene);
        StartUpTrace.mark("scene");
        stage.setMinWidth(Math.min(640, screen.getWidth()));
        stage.setMinHeight(Math.min(360, screen.getHeight()));

        polling = new PollingService(pollScanner, Platform::runLater, model);
        model.control().attach(PollControl.of(polling));
        // A minimised or hidden window needs no fresh data every second.
        var hidden = Bindings.createBooleanBinding(() -> stage.isIconified() || !stage.isShowing(),
                stage.iconifiedProperty(), stage.showingProperty());
        hidden.addListener((o, was, now) -> polling.setBackground(now));
        stage.setUserData(hidden); // keep the binding reachable
        // The desktop theme may have changed while the window was behind others.
        stage.focusedProperty().addListener((o, was, now) -> {
            if (now) {
                themeChoice.refresh();
            }
        });
        stage.setOnHiding(e -> {
            if (autosave != null) {
                autosave.saveNow();
            }
        });

        // Read in the background meanwhile; almost always there by now, so the window shows at once.
        if (savedSettings.isDone()) {
            show(savedSettings.join(), themeChoice);
        } else {
            savedSettings.thenAccept(saved -> Platform.runLater(() -> show(saved, themeChoice)));
        }
    }

    /** Restores the remembered state, shows the window and starts polling. */
    private void show(Settings saved, ThemeChoice themeChoice) {
        if (polling.isClosed()) {
            return; // closed before its settings arrived
        }
        if (!waitedForWhat && !whatWait.isZero() && pollScanner.ready() != null && !firstOwners.isDone()) {
            // The table with its What column in the first frame, instead of its cells styled again in
            // the next one: wait for the column (at most WHAT_WAIT), then show.
            Duration wait = whatWait;
            waitedForWhat = true;
            StartUpTrace.mark("waiting for the What column");
            // One of the runner's threads waits; the FX thread is free meanwhile. Shown either way: without
            // the column (too slow, or it failed), the rows are described as after any poll.
            runner.run(() -> firstOwners.get(wait.toMillis(), TimeUnit.MILLISECONDS),
                    answers -> show(saved, themeChoice), failure -> show(saved, themeChoice));
            return;
        }
        SettingsBinder.applyToModel(saved, model, themeChoice);
        // PORTSIDE_THEME=dark or light wins over the remembered theme (screenshots, people who know they want it).
        String forced = System.getenv("PORTSIDE_THEME");
        if ("dark".equalsIgnoreCase(forced) || "light".equalsIgnoreCase(forced)) {
            themeChoice.restore(forced.toLowerCase(Locale.ROOT));
        }
        SettingsBinder.applyToTable(saved, view.ports().node());
        SettingsBinder.applyToStage(saved, stage);
        // The first snapshot is usually taken by now (ScanAhead): the table is filled before the window
        // is first styled and laid out, in that one pass, instead of a second pass over the rows at the
        // next pulse. The first poll hands the same snapshot over again (nothing changes then).
        Snapshot ready = pollScanner.ready();
        if (ready != null) {
            if (firstOwners.isDone() && !firstOwners.isCompletedExceptionally()) {
                model.rowOwners().useAnswers(firstOwners.join());
            }
            model.onSnapshot(ready);
        }
        StartUpTrace.mark(ready == null ? "not scanned yet" : firstOwners.isDone() ? "filled" : "filled, What not known yet");
        stage.show();
        StartUpTrace.mark("shown");
        whenFirstFrameFilled(() -> {
            logStartUpTime();
            FirstFrame.release();
            StartUpTrace.mark("after the first frame");
            // Set once the table is seen: the window system's icon (scaled by JavaFX on the FX thread)
            // is not what a user waits for.
            icons.thenAccept(images -> Platform.runLater(() -> stage.getIcons().setAll(images)));
            // The detail pane's knowledge (the tool catalogue, the IANA registry) is read once the table is
            // filled, so it does not compete with the start on a two-core machine; the pane reads it on the
            // runner if a row is chosen before.
            Knowledge.preload(runner);
        });
        SettingsBinder.applyToSplit(saved, view.node());
        autosave = new SettingsAutosave(settingsStore,
                () -> SettingsBinder.capture(model, view.themeChoice(), view.ports().node(), stage, view.node()),
                runner);
        SettingsBinder.watchForChanges(autosave, model, theme, view.themeChoice(),
                view.ports().node(), stage, view.node());
        polling.start();
    }

    /**
     * Runs {@code then} on the FX thread once, just after the first frame of the shown window with
     * the first snapshot in its table: the pulse that styled and laid out the filled table, and
     * handed it to the renderer, has ended.
     */
    private void whenFirstFrameFilled(Runnable then) {
        Scene scene = stage.getScene();
        Runnable afterLayout = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                Platform.runLater(then);
            }
        };
        if (model.lastSnapshotProperty().get() != null) {
            scene.addPostLayoutPulseListener(afterLayout);
            Platform.requestNextPulse();
            return;
        }
        model.lastSnapshotProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                model.lastSnapshotProperty().removeListener(this);
                scene.addPostLayoutPulseListener(afterLayout);
                Platform.requestNextPulse();
            }
        });
    }

    /**
     * Dark, light, or null while not known yet: PORTSIDE_THEME, else the saved choice, else the
     * desktop's preference, each if already read (they were asked in the background at {@link #init}).
     */
    private Boolean knownDarkTheme() {
        String forced = System.getenv("PORTSIDE_THEME");
        if ("dark".equalsIgnoreCase(forced) || "light".equalsIgnoreCase(forced)) {
            return "dark".equalsIgnoreCase(forced);
        }
        if (!savedSettings.isDone()) {
            return null;
        }
        return switch (savedSettings.join().theme()) {
            case Settings.THEME_DARK -> true;
            case Settings.THEME_LIGHT -> false;
            default -> systemPrefersDark.isDone() ? systemPrefersDark.join().orElse(null) : null;
        };
    }

    /**
     * One line when the first frame shows the first snapshot in the table: the start-up time people
     * wait through (docs/PERFORMANCE.md, "Start-up of the window").
     */
    private static void logStartUpTime() {
        StartUpTrace.mark("first frame filled");
        LOG.info("first snapshot shown {} ms after the JVM started",
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    /**
     * Saves the settings a last time (on the runner), lets the poll in flight end before its scanner
     * closes, and lets the runner's work end (bounded) before the actions' scanner closes.
     */
    @Override
    public void stop() {
        FirstFrame.release(); // closed before its first frame: nothing waits for it any more
        if (autosave != null) {
            autosave.saveNow();
        }
        if (polling != null) {
            polling.close();
        } else if (pollScanner != null) {
            pollScanner.close();
        }
        if (runner != null && !runner.close(FINISH_WAIT)) {
            LOG.warn("Background work still runs after {} s; the actions' scanner is left open",
                    FINISH_WAIT.toSeconds());
        } else if (actionScanner != null) {
            actionScanner.close();
            diagnoseScanner.close();
        }
        HostSystem.current().notifications().close(); // the D-Bus connection, the tray icon
    }

    /** "Why can't I connect?": checks on its own lane; "free it" goes through the actions' confirmation. */
    private DiagnoseViewModel diagnosis(ActionsViewModel actions) {
        // One scan at a time: a scan cut off for taking too long may still run when the next check starts.
        Diagnose engine = new Diagnose(Diagnose.Sources.thisComputer(() -> {
            synchronized (diagnoseScanner) {
                return diagnoseScanner.scan().sockets();
            }
        }), runner);
        return new DiagnoseViewModel(new DiagnoseServices(engine::run, runner.serial(), new FxClipboard(),
                this::openInBrowser, port -> {
                    actions.freePortTextProperty().set(String.valueOf(port));
                    actions.freeTypedPort();
                }));
    }

    /**
     * Watch-list messages: the system's notification centre while the window is in the background,
     * the window's own pop-up while it has the focus or where the system has none.
     */
    private Notifier systemNotifier(Window window) {
        // One message at a time, in order, on the app's runner.
        return new SystemNotifier(HostSystem.current().notifications(), new FxNotifier(window),
                PortsideApp::anyWindowFocused, runner.serial().executor(), Platform::runLater);
    }

    /** The user is looking at Portside: its window or one of its dialogs (the watch list) has the focus. */
    private static boolean anyWindowFocused() {
        return Window.getWindows().stream().anyMatch(Window::isFocused);
    }

    /** The system's own opener (xdg-open, open, rundll32); JavaFX's host services where it cannot start. */
    private void openInBrowser(String url) {
        try {
            HostSystem.current().browser().open(url);
        } catch (UncheckedIOException e) {
            getHostServices().showDocument(url);
        }
    }
}
