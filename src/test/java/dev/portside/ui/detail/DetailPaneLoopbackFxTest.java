package dev.portside.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.scan.OshiPortScanner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import javafx.stage.Stage;

/** The real scanner sees a socket this test opens; the pane explains it. */
@ExtendWith(ApplicationExtension.class)
class DetailPaneLoopbackFxTest {

    private ServerSocket server;
    private DetailPaneFixture fixture;

    @Start
    void start(Stage stage) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        fixture = new DetailPaneFixture(stage, new OshiPortScanner(), 1100);
    }

    @AfterEach
    void close() throws IOException {
        fixture.close();
        server.close();
    }

    @Test
    void selectingOurLoopbackSocketShowsLoopbackWordingAndOurPid(FxRobot robot) throws Exception {
        int port = server.getLocalPort();
        long pid = ProcessHandle.current().pid();

        assertThat(fixture.paneText(robot)).contains("Select a row");
        // Java's sockets are dual-stack: the OS may report ::ffff:127.0.0.1, which is loopback all the same.
        fixture.clickRow(robot, r -> r.port() == port);

        fixture.waitForPane(robot, text -> text.contains("Loopback") && text.contains("pid " + pid));
        String text = fixture.paneText(robot);
        assertThat(text).containsPattern("TCP (127\\.0\\.0\\.1|\\[::ffff:127\\.0\\.0\\.1\\]):" + port)
                .contains("Only programs on this computer can connect")
                .contains("ss -ltnp 'sport = :" + port + "'")
                .doesNotContain("Other machines can connect")
                .doesNotContain("Select a row");
        assertThat(robot.lookup("#exposureWarning").query().isVisible()).isFalse();
    }
}
