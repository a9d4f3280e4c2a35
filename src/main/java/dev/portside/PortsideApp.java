package dev.portside;

import dev.portside.poll.BackgroundRunner;
import dev.portside.action.PortFreer;
import dev.portside.action.ProcessTerminator;
import dev.portside.action.UrlBuilder;
import dev.portside.knowledge.Knowledge;
import dev.portside.knowledge.Texts;
import dev.portside.poll.PollingService;
import dev.portside.scan.PortScanner;
import dev.portside.scan.Scanners;
import dev.portside.ui.about.AppIcons;
import dev.portside.ui.control.PollControl;
import dev.portside.ui.actions.ActionServices;
import dev.portside.ui.actions.ActionsViewModel;
import dev.portside.ui.actions.FxClipboard;
import dev.portside.ui.main.MainView;
import dev.portside.ui.main.MainViewModel;
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
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Function;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: wires scanner, polling, view models and views. */
public class PortsideApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(PortsideApp.class);

    private static Supplier<PortScanner> scannerFactory = Scanners::best;
    private static Supplier<SettingsStore> settingsFactory = SettingsStore::inDefaultDirectory;
    private static Function<Window, Notifier> notifierFactory = PortsideApp::systemNotifier;

    private PollingService polling;
    private SettingsStore settings;
    private SettingsAutosave autosave;
    private MainViewModel model;
    private MainView view;
    private Stage stage;
    private ExecutorService actionThread;

    /** Tests start the app on a fake or a specific scanner. */
    public static void useScanner(Supplier<PortScanner> factory) {
        scannerFactory = Objects.requireNonNull(factory);
    }

    /** Tests keep their settings in a temporary directory. */
    public static void useSettings(Supplier<SettingsStore> factory) {
        settingsFactory = Objects.requireNonNull(factory);
    }

    /** Tests record notifications instead of showing pop-ups. */
    public static void useNotifier(Function<Window, Notifier> factory) {
        notifierFactory = Objects.requireNonNull(factory);
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        Knowledge.preload(); // the IANA registry and tool catalogue, read off the FX thread
        ZoneId zone = ZoneId.systemDefault();
        ThemeManager theme = new ThemeManager();
        theme.apply();
        settings = settingsFactory.get();
        Settings saved = settings.load();

        model = new MainViewModel(zone, Clock.systemUTC(), notifierFactory.apply(stage), PortsideApp::onDaemonThread,
                Platform::runLater);
        ThemeChoice themeChoice = new ThemeChoice(theme, HostSystem.current().theme()::prefersDark,
                PortsideApp::onDaemonThread, Platform::runLater);
        actionThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "portside-actions");
            t.setDaemon(true);
            return t;
        });
        // The actions scan with their own scanner, on their own thread (a scanner serves one thread).
        ActionServices services = new ActionServices(new PortFreer(scannerFactory.get(), new ProcessTerminator()),
                new UrlBuilder(UrlBuilder.KNOWLEDGE_TLS), new FxClipboard(), this::openInBrowser,
                new BackgroundRunner(actionThread, Platform::runLater), () -> {
                    if (polling != null) {
                        polling.pollNow();
                    }
                });
        ActionsViewModel actions = new ActionsViewModel(model.ports().selectedProperty(), model.lastSnapshotProperty(),
                services, null, zone);
        view = new MainView(model, theme, zone, themeChoice, actions);
        SettingsBinder.applyToModel(saved, model, themeChoice);
        // PORTSIDE_THEME=dark or light wins over the remembered theme (screenshots, people who know they want it).
        String forced = System.getenv("PORTSIDE_THEME");
        if ("dark".equalsIgnoreCase(forced) || "light".equalsIgnoreCase(forced)) {
            themeChoice.restore(forced.toLowerCase(java.util.Locale.ROOT));
        }
        SettingsBinder.applyToTable(saved, view.ports().node());

        // Start at a comfortable size that always fits the screen.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view.node(), Math.min(1360, screen.getWidth() * 0.9),
                Math.min(800, screen.getHeight() * 0.9));
        scene.getStylesheets().add(Objects.requireNonNull(
                PortsideApp.class.getResource("/dev/portside/ui/portside.css")).toExternalForm());
        stage.setTitle(Texts.get("app.title"));
        stage.getIcons().setAll(AppIcons.all());
        view.setLinkOpener(this::openInBrowser);
        logStartUpTime(model);
        stage.setScene(scene);
        stage.setMinWidth(Math.min(640, screen.getWidth()));
        stage.setMinHeight(Math.min(360, screen.getHeight()));
        SettingsBinder.applyToStage(saved, stage);

        polling = new PollingService(scannerFactory.get(), Platform::runLater, model);
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
        stage.setOnHiding(e -> autosave.saveNow());

        stage.show();
        SettingsBinder.applyToSplit(saved, view.node());
        autosave = new SettingsAutosave(settings,
                () -> SettingsBinder.capture(model, view.themeChoice(), view.ports().node(), stage, view.node()),
                PortsideApp::onDaemonThread);
        SettingsBinder.watchForChanges(autosave, model, theme, view.themeChoice(), view.ports().node(), stage,
                view.node());
        polling.start();
    }

    /** One line when the first snapshot fills the table: the start-up time people wait through. */
    private static void logStartUpTime(MainViewModel model) {
        model.lastSnapshotProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                model.lastSnapshotProperty().removeListener(this);
                LOG.info("first snapshot shown {} ms after the JVM started",
                        System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
            }
        });
    }

    @Override
    public void stop() {
        if (autosave != null) {
            autosave.saveNow();
        }
        if (polling != null) {
            polling.close();
        }
        if (actionThread != null) {
            actionThread.shutdownNow();
        }
        HostSystem.current().notifications().close(); // the D-Bus connection, the tray icon
    }

    /**
     * Watch-list messages: the system's notification centre while the window is in the background,
     * the window's own pop-up while it has the focus or where the system has none.
     */
    private static Notifier systemNotifier(Window window) {
        ExecutorService notifyThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "portside-notifications");
            t.setDaemon(true);
            return t;
        });
        return new SystemNotifier(HostSystem.current().notifications(), new FxNotifier(window), window::isFocused,
                notifyThread, Platform::runLater);
    }

    /** The system's own opener (xdg-open, open, rundll32); JavaFX's host services where it cannot start. */
    private void openInBrowser(String url) {
        try {
            HostSystem.current().browser().open(url);
        } catch (UncheckedIOException e) {
            getHostServices().showDocument(url);
        }
    }

    private static void onDaemonThread(Runnable r) {
        Thread t = new Thread(r, "portside-background");
        t.setDaemon(true);
        t.start();
    }
}
