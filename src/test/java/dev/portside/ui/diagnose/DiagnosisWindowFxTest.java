package dev.portside.ui.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.PortsideApp;
import dev.portside.core.IpAddress;
import dev.portside.testing.ChildJvm;
import dev.portside.ui.ports.PortRowViewModel;
import dev.portside.ui.settings.SettingsStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The diagnosis in the real window (headless), on the real scanner and real sockets of this JVM. */
@ExtendWith(ApplicationExtension.class)
class DiagnosisWindowFxTest {

    private PortsideApp app;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        // Settings of its own for each test: the window's size of one test must not be the next one's.
        Path settingsDir = Files.createTempDirectory("portside-diagnose-settings");
        PortsideApp.useSettings(() -> new SettingsStore(settingsDir));
        PortsideApp.useWhatWait(java.time.Duration.ZERO); // shown within start(): the test looks at it at once
        app = new PortsideApp();
        app.start(stage);
        // The stage outlives a test: a wide window unless the test makes it narrow.
        stage.setWidth(1240);
        stage.setHeight(780);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        PortsideApp.useSettings(SettingsStore::inDefaultDirectory);
        PortsideApp.useWhatWait(null);
    }

    private static ServerSocketChannel listen(String address) throws IOException {
        IpAddress a = IpAddress.parse(address);
        ServerSocketChannel c = ServerSocketChannel.open(a.family() == dev.portside.core.IpFamily.IPV4
                ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
        c.bind(new InetSocketAddress(a.toInetAddress(), 0));
        return c;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static <T> T onFx(Callable<T> read) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, read);
    }

    /** Waits until the pane shows a finding first, and returns the headline's style classes. */
    private static String awaitHeadline(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#diagnosisHeadline").tryQuery().isPresent()
                && onFx(() -> !robot.lookup("#diagnosisTitle").queryAs(Label.class).getText().startsWith("Checking")));
        return onFx(() -> String.join(" ", robot.lookup("#diagnosisHeadline").query().getStyleClass()));
    }

    @Test
    void typingAnAddressAndEnterShowsTheFindingsInThePane(FxRobot robot) throws Exception {
        try (ServerSocketChannel l = listen("::1")) {
            int port = l.socket().getLocalPort();
            assertThat(robot.lookup("#diagnosisPane").query().isVisible()).isFalse();
            robot.clickOn("#diagnoseField").write("127.0.0.1:" + port).press(KeyCode.ENTER).release(KeyCode.ENTER);
            assertThat(awaitHeadline(robot)).contains("finding-family-mismatch").contains("finding-problem");
            assertThat(robot.lookup("#diagnosisPane").query().isVisible()).isTrue();
            assertThat(onFx(() -> robot.lookup("#diagnosisHeadline #findingOpenButton").queryButton().getText()))
                    .isEqualTo("Open http://[::1]:" + port + "/");
            // The facts behind it: the addresses tried.
            assertThat(onFx(() -> robot.lookup("#diagnosisFactLines .label").queryAllAs(Label.class).stream()
                    .map(Label::getText).toList())).anyMatch(t -> t.startsWith("Connect to 127.0.0.1:" + port + ": refused"))
                    .anyMatch(t -> t.startsWith("Connect to [::1]:" + port + ": connected"));
        }
    }

    @Test
    void pastingAnErrorMessageWithTheTableFocusedChecksIt(FxRobot robot) throws Exception {
        int port = freePort();
        String message = "Error: connect ECONNREFUSED 127.0.0.1:" + port + "\n    at TCPConnectWrap.afterConnect";
        onFx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(message);
            return Clipboard.getSystemClipboard().setContent(content);
        });
        TableView<?> table = robot.lookup("#portTable").queryTableView();
        robot.clickOn(table);
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        assertThat(awaitHeadline(robot)).contains("finding-nothing-listening");
        assertThat(onFx(() -> robot.lookup("#diagnosisTitle").queryAs(Label.class).getText()))
                .isEqualTo("Port " + port + ": what Portside found");
    }

    @Test
    void theFilterFieldKeepsItsOwnPaste(FxRobot robot) throws Exception {
        onFx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("5173");
            return Clipboard.getSystemClipboard().setContent(content);
        });
        robot.clickOn("#filterField");
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> robot.lookup("#filterField").queryAs(TextField.class).getText())).isEqualTo("5173");
        assertThat(robot.lookup("#diagnosisPane").query().isVisible()).isFalse();
    }

    @Test
    void theDetailPaneLinksToTheDiagnosisOfTheSelectedSocket(FxRobot robot) throws Exception {
        try (ServerSocketChannel l = listen("127.0.0.1")) {
            int port = l.socket().getLocalPort();
            TableView<PortRowViewModel> table = robot.lookup("#portTable").queryTableView();
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> table.getItems().stream()
                    .anyMatch(r -> r.port() == port)));
            // Nothing selected: the pane explains the table; the socket's part (with the link) is not shown,
            // nor even built yet.
            assertThat(onFx(() -> robot.lookup("#diagnoseLink").tryQuery().map(Node::isVisible).orElse(false)))
                    .as("nothing selected").isFalse();
            onFx(() -> {
                table.getSelectionModel().select(table.getItems().stream().filter(r -> r.port() == port).findFirst()
                        .orElseThrow());
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            Hyperlink link = robot.lookup("#diagnoseLink").query();
            assertThat(link.isVisible()).isTrue();
            assertThat(link.getText()).isEqualTo("Can't connect to this?");
            onFx(() -> {
                link.fire();
                return null;
            });
            awaitHeadline(robot);
            assertThat(onFx(() -> robot.lookup("#diagnoseField").queryAs(TextField.class).getText()))
                    .isEqualTo("localhost:" + port);
            assertThat(onFx(() -> robot.lookup(".finding-listening").tryQuery().isPresent())).isTrue();
        }
    }

    @Test
    void freeItGoesThroughTheKillConfirmationAndEndsNothingWhenCancelled(FxRobot robot) throws Exception {
        try (ChildJvm child = ChildJvm.start("tcp")) {
            robot.clickOn("#diagnoseField").write(String.valueOf(child.port())).press(KeyCode.ENTER).release(KeyCode.ENTER);
            awaitHeadline(robot);
            Button free = onFx(() -> robot.lookup("#findingFreeButton").queryButton());
            assertThat(free.getText()).isEqualTo("Free port " + child.port() + "\u2026");
            robot.clickOn(free);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#confirmKillButton").tryQuery().isPresent());
            // The dialog may reach past the headless screen's edge, where the robot cannot click: fire the button.
            Button cancel = robot.lookup("#cancelKillButton").queryButton();
            robot.interact(cancel::fire);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#confirmKillButton").tryQuery().isEmpty());
            assertThat(child.process().isAlive()).isTrue();
        }
    }

    @Test
    void textWithoutAPortGetsASentenceNotAStackTrace(FxRobot robot) throws Exception {
        robot.clickOn("#diagnoseField").write("abc").press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#diagnosisError").query().isVisible()));
        assertThat(onFx(() -> robot.lookup("#diagnosisError").queryAs(Label.class).getText()))
                .contains("no port number").doesNotContain("Exception");
        robot.clickOn("#closeDiagnosisButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#diagnosisPane").query().isVisible()).isFalse();
    }

    @Test
    void escapeClosesThePaneAndTheTableHasTheFocus(FxRobot robot) throws Exception {
        robot.clickOn("#diagnoseField").write("abc").press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#diagnosisPane").query().isVisible()));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#diagnosisPane").query().isVisible()).isFalse();
        assertThat(onFx(() -> robot.lookup("#portTable").query().isFocused())).isTrue();
        // Closed, Escape is the filter's again: it clears the filter's text.
        robot.clickOn("#filterField").write("zzz").press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> robot.lookup("#filterField").queryAs(javafx.scene.control.TextField.class).getText())).isEmpty();
    }

    @Test
    void inANarrowWindowCtrlKOpensThePanesOwnField(FxRobot robot) throws Exception {
        onFx(() -> {
            stage.setWidth(640);
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> {
            Node field = robot.lookup("#diagnoseField").tryQuery().orElse(null);
            return field == null || field.getScene() == null;
        }));
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TextField paneField = robot.lookup("#diagnosisPaneField").queryAs(TextField.class);
        assertThat(paneField.isFocused()).isTrue();
        assertThat(paneField.isVisible()).isTrue();
        robot.write("3000");
        assertThat(onFx(() -> paneField.getText())).isEqualTo("3000");
    }
}
