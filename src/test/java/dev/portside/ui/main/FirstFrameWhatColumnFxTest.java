package dev.portside.ui.main;

import static dev.portside.testing.FakeScanner.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.PortsideApp;
import dev.portside.knowledge.AddressExplainer;
import dev.portside.knowledge.Knowledge;
import dev.portside.platform.OsFamily;
import dev.portside.scan.ProcessExtrasReader;
import dev.portside.testing.FakeScanner;
import dev.portside.ui.detail.DetailServices;
import dev.portside.ui.ports.PortRowViewModel;
import dev.portside.ui.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.TableView;
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
 * The first frame has the What column: when the first scan is there before what its sockets are
 * (their describing starts when the scan ends), the window waits for the answers instead of showing
 * the rows without them and styling their cells again a frame later; and a describing that hangs
 * does not hold the window (docs/PERFORMANCE.md, "Fifth round"). The describing is made to wait for
 * the test here (its knowledge is handed over only when the test says so).
 */
@ExtendWith(ApplicationExtension.class)
class FirstFrameWhatColumnFxTest {

    @TempDir
    Path settingsDir;

    private final CountDownLatch mayDescribe = new CountDownLatch(1);
    /** What the table's row said (its What) each time the window became shown. */
    private final List<String> whatWhenShown = new CopyOnWriteArrayList<>();
    private Stage stage;
    private PortsideApp app;
    /** On TestFX's stage, which the next tests use too: removed after each test. */
    private final ChangeListener<Boolean> onShown = (o, was, now) -> {
        if (now) {
            whatWhenShown.add(rows().isEmpty() ? "no rows" : String.valueOf(rows().get(0).getWhat()));
        }
    };

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop(FxRobot robot) {
        mayDescribe.countDown();
        robot.interact(() -> stage.showingProperty().removeListener(onShown));
        if (app != null) {
            robot.interact(() -> {
                app.stop();
                stage.close();
            });
        }
        PortsideApp.useSettings(SettingsStore::inDefaultDirectory);
        PortsideApp.useDetailServices(null);
        PortsideApp.useWhatWait(null);
        PortsideApp.useSystemNotifier();
    }

    private void launch(Duration whatWait) throws Exception {
        PortsideApp.useWhatWait(whatWait);
        FakeScanner scanner = new FakeScanner();
        scanner.set(tcp("127.0.0.1", 6379, 4242, "redis-server"));
        PortsideApp.useScanner(() -> scanner);
        PortsideApp.useSettings(() -> new SettingsStore(settingsDir));
        PortsideApp.useNotifier(w -> (t, x) -> { });
        PortsideApp.useDetailServices((zone, runner) -> new DetailServices(() -> {
            try {
                mayDescribe.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Knowledge.shared();
        }, AddressExplainer.system(), ProcessExtrasReader.system(), OsFamily.current(), Clock.systemUTC(), zone,
                runner.serial()));
        app = new PortsideApp();
        WaitForAsyncUtils.asyncFx((Runnable) () -> {
            stage.showingProperty().addListener(onShown);
            app.start(stage);
        }).get(10, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private List<PortRowViewModel> rows() {
        return ((TableView<PortRowViewModel>) stage.getScene().getRoot().lookup("#portTable")).getItems();
    }

    private boolean showing() throws Exception {
        return WaitForAsyncUtils.asyncFx(stage::isShowing).get(5, TimeUnit.SECONDS);
    }

    @Test
    void theWindowShowsItsFirstRowsWithWhatTheyAre(FxRobot robot) throws Exception {
        launch(Duration.ofSeconds(30));
        // the scan is there at once; the describing waits for the test, and so does the window
        assertThat(WaitForAsyncUtils.asyncFx(() -> "here").get(5, TimeUnit.SECONDS)).isEqualTo("here"); // not its thread
        assertThat(showing()).isFalse();
        mayDescribe.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, this::showing);
        assertThat(whatWhenShown).singleElement().asString().startsWith("Redis");
    }

    @Test
    void aDescribingThatHangsDoesNotHoldTheWindow(FxRobot robot) throws Exception {
        launch(Duration.ofMillis(100));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, this::showing); // while the describing still waits
        assertThat(mayDescribe.getCount()).isEqualTo(1);
        assertThat(whatWhenShown).singleElement().asString().doesNotStartWith("Redis").isNotEqualTo("no rows");
        mayDescribe.countDown(); // then the rows learn what they are, as after any poll
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> String.valueOf(rows().get(0).getWhat())).get().startsWith("Redis"));
    }
}
