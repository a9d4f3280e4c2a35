package dev.portside;

import dev.portside.action.BackgroundRunner;
import dev.portside.action.PortFreer;
import dev.portside.action.ProcessTerminator;
import dev.portside.action.UrlBuilder;
import dev.portside.knowledge.Knowledge;
import dev.portside.knowledge.Texts;
import dev.portside.poll.PollingService;
import dev.portside.scan.PortScanner;
import dev.portside.scan.Scanners;
import dev.portside.ui.actions.ActionServices;
import dev.portside.ui.actions.ActionsViewModel;
import dev.portside.ui.actions.FxClipboard;
import dev.portside.ui.actions.HostServicesBrowser;
import dev.portside.ui.main.MainView;
import dev.portside.ui.main.MainViewModel;
import dev.portside.ui.theme.ThemeManager;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The JavaFX application: wires scanner, polling, view models and views. */
public class PortsideApp extends Application {

    private static Supplier<PortScanner> scannerFactory = Scanners::best;

    private PollingService polling;
    private ExecutorService actionThread;

    /** Tests start the app on a fake or a specific scanner. */
    public static void useScanner(Supplier<PortScanner> factory) {
        scannerFactory = Objects.requireNonNull(factory);
    }

    @Override
    public void start(Stage stage) {
        Knowledge.preload(); // the IANA registry and tool catalogue, read off the FX thread
        ZoneId zone = ZoneId.systemDefault();
        ThemeManager theme = new ThemeManager();
        // PORTSIDE_THEME=dark starts in the dark theme (screenshots, people who know they want it).
        theme.setDark("dark".equalsIgnoreCase(System.getenv("PORTSIDE_THEME")));
        theme.apply();

        MainViewModel model = new MainViewModel(zone);
        actionThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "portside-actions");
            t.setDaemon(true);
            return t;
        });
        // The actions scan with their own scanner, on their own thread (a scanner serves one thread).
        ActionServices services = new ActionServices(new PortFreer(scannerFactory.get(), new ProcessTerminator()),
                new UrlBuilder(UrlBuilder.KNOWLEDGE_TLS), new FxClipboard(), new HostServicesBrowser(getHostServices()),
                new BackgroundRunner(actionThread, Platform::runLater), () -> {
                    if (polling != null) {
                        polling.pollNow();
                    }
                });
        ActionsViewModel actions = new ActionsViewModel(model.ports().selectedProperty(), model.lastSnapshotProperty(),
                services, null, zone);
        MainView view = new MainView(model, theme, zone, actions);

        // Start at a comfortable size that always fits the screen.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view.node(), Math.min(1100, screen.getWidth() * 0.9),
                Math.min(680, screen.getHeight() * 0.9));
        scene.getStylesheets().add(Objects.requireNonNull(
                PortsideApp.class.getResource("/dev/portside/ui/portside.css")).toExternalForm());
        stage.setTitle(Texts.get("app.title"));
        stage.setScene(scene);
        stage.setMinWidth(Math.min(640, screen.getWidth()));
        stage.setMinHeight(Math.min(360, screen.getHeight()));

        polling = new PollingService(scannerFactory.get(), Platform::runLater, model);
        // A minimised or hidden window needs no fresh data every second.
        var hidden = Bindings.createBooleanBinding(() -> stage.isIconified() || !stage.isShowing(),
                stage.iconifiedProperty(), stage.showingProperty());
        hidden.addListener((o, was, now) -> polling.setBackground(now));
        stage.setUserData(hidden); // keep the binding reachable

        stage.show();
        polling.start();
    }

    @Override
    public void stop() {
        if (polling != null) {
            polling.close();
        }
        if (actionThread != null) {
            actionThread.shutdownNow();
        }
    }
}
