package dev.portside.ui.main;

import static dev.portside.testing.FakeScanner.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portside.PortsideApp;
import dev.portside.scan.PortScanner;
import dev.portside.testing.FakeScanner;
import dev.portside.ui.ports.PortRowViewModel;
import dev.portside.ui.settings.SettingsStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The FX thread never waits for the settings file or the scanner: each is made to hang here (a
 * settings file that is a named pipe nobody writes yet, a scanner that opens only when the test says
 * so), and the window's thread goes on answering. Closing closes every scanner the app opened.
 */
@ExtendWith(ApplicationExtension.class)
class StartUpOffTheFxThreadFxTest {

    @TempDir
    Path settingsDir;

    private final List<FakeScanner> opened = new CopyOnWriteArrayList<>();
    private final List<String> openedOn = new CopyOnWriteArrayList<>();
    private final CountDownLatch mayOpen = new CountDownLatch(1);
    private Stage stage;
    private PortsideApp app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop(FxRobot robot) {
        mayOpen.countDown();
        if (app != null) {
            robot.interact(() -> {
                app.stop();
                stage.close();
            });
        }
        PortsideApp.useSettings(SettingsStore::inDefaultDirectory);
        PortsideApp.useWhatWait(null);
        PortsideApp.useSystemNotifier();
    }

    /** A scanner factory that records where it runs and, when asked, waits for the test. */
    private PortScanner open(boolean waitForTheTest) {
        openedOn.add(Thread.currentThread().getName());
        if (waitForTheTest) {
            try {
                mayOpen.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        FakeScanner s = new FakeScanner();
        s.set(tcp("127.0.0.1", 3000, 4242, "node"));
        opened.add(s);
        return s;
    }

    /** Starts the app on the FX thread and fails (instead of hanging) if start() waits for I/O. */
    private void launch(boolean scannerWaits) throws Exception {
        PortsideApp.useSettings(() -> new SettingsStore(settingsDir));
        PortsideApp.useScanner(() -> open(scannerWaits));
        PortsideApp.useNotifier(w -> (t, x) -> { });
        PortsideApp.useWhatWait(java.time.Duration.ZERO); // shown within start(): the test looks at it at once
        app = new PortsideApp();
        WaitForAsyncUtils.asyncFx((Runnable) () -> {
            app.start(stage);
            // the shared stage keeps the size another test gave it (KillDialogViewFxTest: 400 x 300);
            // the app's own stage starts at its scene's size
            stage.sizeToScene();
        }).get(10, TimeUnit.SECONDS);
    }

    private static void fxAnswers() throws Exception {
        assertThat(WaitForAsyncUtils.asyncFx(() -> "here").get(5, TimeUnit.SECONDS)).isEqualTo("here");
    }

    @Test
    void aSettingsFileThatDoesNotAnswerDoesNotHoldTheWindowsThread(FxRobot robot) throws Exception {
        Path file = settingsDir.resolve(SettingsStore.FILE_NAME);
        Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "needs mkfifo (a named pipe) to make the read hang");

        launch(false);
        fxAnswers();
        assertThat(WaitForAsyncUtils.asyncFx(stage::isShowing).get(5, TimeUnit.SECONDS))
                .as("the window waits for its settings, its thread does not").isFalse();

        Files.writeString(file, "{\"filterText\": \"node\"}", StandardCharsets.UTF_8); // the read completes
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(stage::isShowing).get());
        TextField filter = robot.from(stage.getScene().getRoot()).lookup("#filterField").queryAs(TextField.class);
        assertThat(WaitForAsyncUtils.asyncFx(() -> filter.getText()).get(5, TimeUnit.SECONDS)).isEqualTo("node");
    }

    @Test
    void aScannerThatTakesItsTimeToOpenDoesNotHoldTheWindowsThread(FxRobot robot) throws Exception {
        launch(true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(stage::isShowing).get());
        fxAnswers();
        @SuppressWarnings("unchecked")
        TableView<PortRowViewModel> table = (TableView<PortRowViewModel>) robot.from(stage.getScene().getRoot())
                .lookup("#portTable").query();
        Label title = robot.from(stage.getScene().getRoot()).lookup("#emptyStateTitle").queryAs(Label.class);
        assertThat(WaitForAsyncUtils.asyncFx(() -> title.getText()).get(5, TimeUnit.SECONDS))
                .isEqualTo("Looking for listening ports\u2026");
        assertThat(openedOn).singleElement().asString().startsWith("portside-background-");

        mayOpen.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> table.getItems().size() == 1).get());
    }

    @Test
    void everyScannerTheAppOpenedIsClosedWhenItEnds(FxRobot robot) throws Exception {
        launch(false);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(stage::isShowing).get());
        // The actions' scanner opens on the first action: free a port where nothing listens.
        robot.clickOn("#freePortField").write("9").clickOn("#freePortButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> opened.size() == 2);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> opened.get(1).scanCount() > 0);

        robot.interact(() -> app.stop());
        app = null;
        robot.interact(stage::close);
        assertThat(opened).hasSize(2).allSatisfy(s -> assertThat(s.closeCount()).isEqualTo(1));
        assertThat(openedOn).noneMatch(t -> t.contains("JavaFX Application"));
    }
}
