package dev.portside.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.IpAddress;
import dev.portside.core.IpFamily;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.Snapshot;
import dev.portside.poll.BackgroundRunner;
import dev.portside.ui.ports.PortRowViewModel;
import dev.portside.ui.theme.ThemeManager;
import dev.portside.ui.watch.Notifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A process named "new\nline" with an escape sequence in its command line and its user name: no
 * label, table cell or tooltip of the window shows a control character, and neither does a
 * watch-list message; each shows the escaped text instead.
 */
@ExtendWith(ApplicationExtension.class)
class SystemTextInTheWindowFxTest {

    private static final ProcessInfo ODD = new ProcessInfo(4242, "new\nline", "/tmp/new\nline",
            "/tmp/new\nline -c \u001b[2Jred\u001b[0m", "eve\u001b]0;owned\u0007", Instant.parse("2026-01-01T10:00:00Z"),
            1);

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final BackgroundRunner runner = BackgroundRunner.daemonThreads("test-background", 2, Platform::runLater);
    private MainViewModel model;
    private TableView<PortRowViewModel> table;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ThemeManager theme = new ThemeManager();
        theme.apply();
        Notifier recording = (title, text) -> messages.add(title + "\n" + text);
        model = new MainViewModel(ZoneOffset.UTC, Clock.systemUTC(), recording, runner);
        MainView view = new MainView(model, theme, ZoneOffset.UTC);
        table = view.ports().node();
        stage.setScene(new Scene(view.node(), 1100, 700));
        stage.show();
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    private void poll(ListeningSocket... sockets) {
        Snapshot s = new Snapshot(Instant.now(), Duration.ZERO, List.of(sockets), "fake");
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> model.onSnapshot(s));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static ListeningSocket socket(int port, ProcessInfo... owners) {
        return new ListeningSocket(Protocol.TCP, IpFamily.IPV4, IpAddress.IPV4_LOOPBACK, port, List.of(owners));
    }

    @Test
    void noControlCharacterReachesALabelACellATooltipOrAMessage(FxRobot robot) throws Exception {
        robot.interact(() -> model.watch().setPinned(List.of(3000)));
        poll();
        poll(socket(3000, ODD, new ProcessInfo(4243, "other\tname", "", "", "", null, 1)), socket(3001, ODD));
        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> !model.detail().loadingProperty().get()).get());
        WaitForAsyncUtils.waitForFxEvents();

        List<String> shown = WaitForAsyncUtils.asyncFx(() -> texts(stage.getScene().getRoot())).get(10,
                TimeUnit.SECONDS);
        assertThat(String.join("\n", shown)).contains("new\\nline", "eve\\x1b]0;owned\\x07",
                "\\x1b[2Jred\\x1b[0m", "other\\tname");
        // Portside's own texts may break lines; nothing from the system may.
        assertThat(shown).allSatisfy(t -> assertThat(t.chars().noneMatch(c -> c < 0x20 && c != '\n'))
                .as("control character in %s", t).isTrue());
        assertThat(shown).noneMatch(t -> t.contains("new\nline") || t.contains("other\tname"));

        assertThat(messages).singleElement().asString().contains("new\\nline (pid 4242)").doesNotContain("new\nline");
    }

    /** The text of every label, cell and tooltip under a node. */
    private static List<String> texts(Parent root) {
        List<String> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(Node node, List<String> all) {
        if (node instanceof Labeled l && l.getText() != null) {
            all.add(l.getText());
        }
        if (node instanceof javafx.scene.control.Control c) {
            Tooltip tip = c.getTooltip();
            if (tip != null && tip.getText() != null) {
                all.add(tip.getText());
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, all);
            }
        }
    }
}
