package dev.portside.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.testing.FakeScanner;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The pane on made-up sockets: the exposure warning, the empty state, a very long command line. */
@ExtendWith(ApplicationExtension.class)
class DetailPaneFxTest {

    private static final String LONG_COMMAND = "/usr/bin/node --max-old-space-size=8192 --enable-source-maps "
            + "/home/ada/code/a-shop-with-a-rather-long-name/node_modules/vite/bin/vite.js --host 0.0.0.0 "
            + "--port 5173 --strictPort --config=/home/ada/code/a-shop-with-a-rather-long-name/config/"
            + "vite.development.config.ts --mode development --logLevel info --clearScreen false --base /s/";

    private final FakeScanner scanner = new FakeScanner();
    private DetailPaneFixture fixture;

    @Start
    void start(Stage stage) {
        ListeningSocket everywhere = FakeScanner.tcp("0.0.0.0", 8080, 4242, "node");
        ListeningSocket longLine = new ListeningSocket(everywhere.protocol(), everywhere.family(),
                everywhere.address(), 5173, List.of(new ProcessInfo(4121, "node", "/usr/bin/node", LONG_COMMAND, "ada",
                        Instant.now().minusSeconds(60), 1)));
        scanner.set(everywhere, longLine, FakeScanner.tcp("127.0.0.1", 6379, 0, ""));
        fixture = new DetailPaneFixture(stage, scanner, 900);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void nothingSelectedExplainsHowToReadTheTable(FxRobot robot) {
        assertThat(fixture.paneText(robot)).contains("Select a row").contains("127.0.0.1 and ::1 mean only this computer");
    }

    @Test
    void anEveryInterfaceSocketShowsTheExposureWarning(FxRobot robot) throws Exception {
        fixture.clickRow(robot, r -> r.port() == 8080);
        fixture.waitForPane(robot, text -> text.contains("Other machines can connect"));
        Node warning = robot.lookup("#exposureWarning").query();
        assertThat(DetailPaneFixture.shown(warning)).isTrue();
        assertThat(fixture.paneText(robot)).contains("Every network interface (IPv4)")
                .contains("make it listen on 127.0.0.1 instead");
    }

    @Test
    void theCopyButtonPutsTheExactCommandOnTheClipboard(FxRobot robot) throws Exception {
        fixture.clickRow(robot, r -> r.port() == 8080);
        // Wait for the whole pane (the owner arrives from the background), so nothing moves while we click.
        fixture.waitForPane(robot, text -> text.contains("ss -ltnp 'sport = :8080'") && text.contains("Recognised"));
        javafx.scene.control.Button copy = robot.lookup(".detail-copy").match(DetailPaneFixture::shown).queryButton();
        fixture.scrollIntoView(robot, copy);
        robot.clickOn(copy);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "ss -ltnp 'sport = :8080'".equals(
                DetailPaneFixture.onFx(() -> Clipboard.getSystemClipboard().getString())));
    }

    @Test
    void aHiddenOwnerIsExplainedWithThePortGuess(FxRobot robot) throws Exception {
        fixture.clickRow(robot, r -> r.port() == 6379);
        fixture.waitForPane(robot, text -> text.contains("Port 6379 is usually Redis"));
        assertThat(fixture.paneText(robot)).contains("The owner is hidden from you").contains("sudo")
                .contains("A guess from the port number alone");
    }

    @Test
    void aLongCommandLineWrapsInsteadOfWideningTheWindow(FxRobot robot) throws Exception {
        double windowWidth = fixture.stage.getWidth();
        fixture.clickRow(robot, r -> r.port() == 5173);
        Label command = robot.lookup("#detailCommandLine").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> DetailPaneFixture.onFx(() -> LONG_COMMAND.equals(command.getText()) && command.getHeight() > 0));
        WaitForAsyncUtils.waitForFxEvents();
        Node pane = robot.lookup("#" + DetailView.PANE_ID).query();
        Bounds paneBounds = DetailPaneFixture.onFx(() -> pane.localToScene(pane.getBoundsInLocal()));
        Bounds commandBounds = DetailPaneFixture.onFx(() -> command.localToScene(command.getBoundsInLocal()));
        assertThat(LONG_COMMAND).hasSizeGreaterThanOrEqualTo(300);
        assertThat(fixture.stage.getWidth()).isEqualTo(windowWidth);
        assertThat(paneBounds.getMaxX()).isLessThanOrEqualTo(fixture.stage.getScene().getWidth() + 0.5);
        assertThat(commandBounds.getMaxX()).isLessThanOrEqualTo(paneBounds.getMaxX());
        assertThat(commandBounds.getHeight()).as("wrapped onto several lines").isGreaterThan(3 * command.getFont().getSize());
    }
}
