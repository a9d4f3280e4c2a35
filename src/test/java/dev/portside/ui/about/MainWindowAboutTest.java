package dev.portside.ui.about;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.PortsideApp;
import dev.portside.core.BuildInfo;
import dev.portside.scan.Scanners;
import dev.portside.testing.FakeScanner;
import dev.portside.ui.settings.SettingsStore;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window: it carries the app icon, and its Help menu opens the About dialog. */
@ExtendWith(ApplicationExtension.class)
class MainWindowAboutTest {

    @TempDir
    Path settingsDir;

    private PortsideApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        PortsideApp.useScanner(FakeScanner::new);
        PortsideApp.useSettings(() -> new SettingsStore(settingsDir));
        PortsideApp.useWhatWait(java.time.Duration.ZERO); // shown within start(): the test looks at it at once
        app = new PortsideApp();
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        PortsideApp.useScanner(Scanners::best);
        PortsideApp.useSettings(SettingsStore::inDefaultDirectory);
        PortsideApp.useWhatWait(null);
    }

    @Test
    void theWindowHasTheAppIconInEverySize() throws Exception {
        // Decoded in the background and set once the first frame is shown (the window's start-up).
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> stage.getIcons().size()).get() == AppIcons.SIZES.length);
        assertThat(stage.getIcons()).hasSize(AppIcons.SIZES.length);
        assertThat(stage.getIcons()).allSatisfy(image -> assertThat(image.isError()).isFalse());
    }

    @Test
    void theHelpMenuOpensTheAboutDialogWithThePomVersion(FxRobot robot) throws Exception {
        // The toolbar's items join the scene graph when its skin is made, on the first pulse.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#helpMenu").tryQuery().isPresent());
        robot.clickOn("#helpMenu");
        robot.clickOn("About Portside");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#aboutVersion").tryQuery().isPresent());

        assertThat(robot.lookup("#aboutVersion").queryAs(Label.class).getText())
                .isEqualTo("Version " + BuildInfo.current().version());
        robot.clickOn("#aboutCloseButton");
    }
}
