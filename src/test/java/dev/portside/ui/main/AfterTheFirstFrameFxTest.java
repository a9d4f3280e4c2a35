package dev.portside.ui.main;

import static dev.portside.testing.FakeScanner.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.PortsideApp;
import dev.portside.testing.AppOnFakeScanner;
import dev.portside.testing.FakeScanner;
import dev.portside.ui.FirstFrame;
import dev.portside.ui.ports.PortRowViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the window makes just after its first frame instead of before it (pop-up windows, each with a
 * scene of its own): the table's context menu is there, with every command, once the first frame is
 * shown; the message under "Free a port" is made when there is one to show, and says it.
 */
@ExtendWith(ApplicationExtension.class)
class AfterTheFirstFrameFxTest {

    @TempDir
    Path settingsDir;

    private PortsideApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FakeScanner scanner = new FakeScanner();
        scanner.set(tcp("127.0.0.1", 3000, 4242, "node"));
        app = AppOnFakeScanner.start(stage, scanner, settingsDir);
    }

    @AfterEach
    void stop(FxRobot robot) {
        AppOnFakeScanner.stop(robot, app, stage);
    }

    @Test
    void theTablesContextMenuIsThereOnceTheFirstFrameIsShown(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<PortRowViewModel> table = (TableView<PortRowViewModel>) robot.lookup("#portTable").query();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> !FirstFrame.holding() && table.getItems().size() == 1).get());

        assertThat(table.getContextMenu()).isNotNull();
        assertThat(table.getContextMenu().getId()).isEqualTo("portContextMenu");
        // Both parts' items, in one menu (the watch list's item was lost when the actions' menu, made
        // after the first frame, replaced the one the watch list had made before it): the actions, then
        // "Watch port N".
        assertThat(table.getContextMenu().getItems()).extracting(MenuItem::getId).containsExactly("copyUrlMenuItem",
                "copyAddressMenuItem", "copyPidMenuItem", "copyRowMenuItem", "openBrowserMenuItem", null,
                "killMenuItem", "pinMenuItem");
    }

    @Test
    void theMessageUnderFreeAPortIsMadeWhenThereIsOne(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> !FirstFrame.holding()).get());
        assertThat(freePortErrors()).as("nothing to say yet").isEmpty();

        robot.clickOn("#freePortField").write("70000").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !freePortErrors().isEmpty());

        Tooltip shown = freePortErrors().get(0);
        assertThat(shown.isShowing()).isTrue();
        assertThat(shown.getText()).isEqualTo("70000 is too big: ports go from 1 to 65535.");
    }

    private static List<Tooltip> freePortErrors() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                    .filter(w -> w instanceof Tooltip t && "freePortError".equals(t.getId()))
                    .map(w -> (Tooltip) (PopupWindow) w).toList()).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
