package dev.portside.testing;

import dev.portside.PortsideApp;
import dev.portside.ui.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Duration;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;

/** The whole app on a fake scanner, with settings of its own and no notifications, on TestFX's stage. */
public final class AppOnFakeScanner {

    private AppOnFakeScanner() {
    }

    /** Starts the app on {@code stage} (the FX thread, as TestFX's {@code @Start}). */
    public static PortsideApp start(Stage stage, FakeScanner scanner, Path settingsDir) {
        PortsideApp.useScanner(() -> scanner);
        PortsideApp.useSettings(() -> new SettingsStore(settingsDir));
        PortsideApp.useNotifier(w -> (title, text) -> { });
        // shown within start(), so that a test can look at it at once (FirstFrameWhatColumnFxTest
        // tests the window's wait for its first What column)
        PortsideApp.useWhatWait(Duration.ZERO);
        PortsideApp app = new PortsideApp();
        app.start(stage);
        // the shared stage keeps the size another test gave it (KillDialogViewFxTest: 400 x 300);
        // the app's own stage starts at its scene's size
        stage.sizeToScene();
        return app;
    }

    /** Closes every other window, stops the app, and puts the app's factories back. */
    public static void stop(FxRobot robot, PortsideApp app, Stage stage) {
        robot.interact(() -> {
            for (Window w : java.util.List.copyOf(Window.getWindows())) {
                if (w != stage) {
                    w.hide();
                }
            }
            app.stop();
            stage.close();
        });
        PortsideApp.useSettings(SettingsStore::inDefaultDirectory);
        PortsideApp.useSystemNotifier();
        PortsideApp.useWhatWait(null);
    }
}
