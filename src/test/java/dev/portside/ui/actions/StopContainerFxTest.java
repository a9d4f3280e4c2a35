package dev.portside.ui.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.action.PortFreer;
import dev.portside.action.ProcessTerminator;
import dev.portside.action.UrlBuilder;
import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessExtras;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.Snapshot;
import dev.portside.core.SocketUser;
import dev.portside.knowledge.AddressExplainer;
import dev.portside.knowledge.Knowledge;
import dev.portside.owner.ContainerDirectory;
import dev.portside.owner.ContainerEngines;
import dev.portside.owner.FakeEngine;
import dev.portside.owner.OwnerFinder;
import dev.portside.platform.OsFamily;
import dev.portside.poll.BackgroundRunner;
import dev.portside.testing.FakeScanner;
import dev.portside.ui.detail.DetailServices;
import dev.portside.ui.main.MainView;
import dev.portside.ui.main.MainViewModel;
import dev.portside.ui.theme.ThemeManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
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
 * A container's port in the window: the End button says "Stop container shop-web", the confirmation
 * names the container and its image, and confirming asks the engine (a recorded one on a real unix
 * socket) to stop the container; docker-proxy is not signalled, and the port is watched until free.
 */
@ExtendWith(ApplicationExtension.class)
class StopContainerFxTest {

    private static final String ID = "3f2a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4";
    private static final ListeningSocket PROXY = new ListeningSocket(Protocol.TCP, IpAddress.IPV4_ANY.family(),
            IpAddress.IPV4_ANY, 8080, List.of(new ProcessInfo(4242, "docker-proxy", "/usr/sbin/docker-proxy",
                    "/usr/sbin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 "
                            + "-container-port 80", "root", Instant.parse("2026-03-01T11:00:00Z"), 900)),
            new SocketUser(0, "root"));

    @TempDir
    static Path dir;

    private final FakeScanner scanner = new FakeScanner();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private FakeEngine engine;
    private MainViewModel model;

    @Start
    void start(Stage stage) throws IOException {
        Path proc = Files.createDirectories(dir.resolve("proc/4242"));
        Files.writeString(proc.resolve("cgroup"), "0::/system.slice/docker.service\n");
        engine = new FakeEngine(Files.createDirectories(dir.resolve("engine")))
                .answerJson("GET /containers/json", 200, "[{\"Id\":\"" + ID + "\",\"Names\":[\"/shop-web\"],"
                        + "\"Image\":\"nginx:1.27\",\"State\":\"running\",\"Status\":\"Up 3 minutes\",\"Ports\":"
                        + "[{\"IP\":\"0.0.0.0\",\"PrivatePort\":80,\"PublicPort\":8080,\"Type\":\"tcp\"}]}]")
                .answerJson("GET /containers/" + ID + "/json", 200, "{\"Id\":\"" + ID + "\",\"Name\":\"/shop-web\","
                        + "\"State\":{\"Status\":\"running\",\"Running\":true},\"Config\":{\"Image\":\"nginx:1.27\","
                        + "\"StopTimeout\":4}}")
                .answerRaw("POST /containers/" + ID + "/stop", "HTTP/1.1 204 No Content\r\n\r\n")
                .onRequest("POST /containers/" + ID + "/stop", () -> scanner.set()); // docker-proxy goes with it
        OwnerFinder finder = new OwnerFinder(dir.resolve("proc").toString(),
                new ContainerDirectory(ContainerEngines.of(engine.engine())));
        BackgroundRunner runner = new BackgroundRunner(threads, Platform::runLater);
        ZoneId zone = ZoneId.systemDefault();
        DetailServices detail = new DetailServices(Knowledge::shared, new AddressExplainer(a -> Optional.empty()),
                p -> ProcessExtras.NONE, OsFamily.LINUX, Clock.systemUTC(), zone, runner, finder);
        model = new MainViewModel(zone, detail);
        ActionServices services = new ActionServices(new PortFreer(scanner, new ProcessTerminator(),
                Duration.ofSeconds(2), Duration.ofMillis(100)), new UrlBuilder(), text -> { }, url -> { }, runner,
                () -> { }, finder);
        ActionsViewModel actions = new ActionsViewModel(model.ports().selectedProperty(), model.lastSnapshotProperty(),
                services, null, zone);
        ThemeManager theme = new ThemeManager();
        theme.apply();
        MainView view = new MainView(model, theme, zone, actions);
        stage.setScene(new Scene(view.node(), 1100, 650));
        stage.show();
        scanner.set(PROXY);
        model.onSnapshot(new Snapshot(Instant.now(), Duration.ZERO, List.of(PROXY), "test"));
    }

    @AfterEach
    void stop() throws IOException {
        threads.shutdownNow();
        engine.close();
    }

    @Test
    void theContainersPortIsFreedByStoppingTheContainer(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Docker: shop-web".equals(model.ports().row(PROXY.key())
                .getWhat()));
        robot.interact(() -> model.ports().selectedProperty().set(model.ports().row(PROXY.key())));
        Button kill = robot.lookup("#killButton").queryButton();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "Stop container shop-web".equals(kill.getText()));
        assertThat(kill.isDisabled()).isFalse();
        assertThat(kill.getTooltip().getText()).contains("nginx:1.27", "docker-proxy only forwards the port");

        robot.clickOn(kill);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#containerStopDialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#containerStopDialog").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Stop the container shop-web?");
        String content = robot.from(dialog).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText)
                .reduce("", (a, b) -> a + "\n" + b);
        assertThat(content).contains("nginx:1.27", ID.substring(0, 12), "4 s", "docker-proxy only forwards it",
                "0.0.0.0:8080 \u2192 port 80/tcp inside the container");
        assertThat(engine.requests).noneMatch(r -> r.startsWith("POST")); // nothing before the confirmation

        robot.clickOn((Node) robot.lookup("#confirmKillButton").query());
        Label status = robot.lookup("#actionStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> status.getText() != null
                && status.getText().contains("Port 8080 is free"));
        assertThat(status.getText()).isEqualTo("Stopped the container shop-web (nginx:1.27). Port 8080 is free.");
        assertThat(engine.requests).contains("POST /containers/" + ID + "/stop");
    }
}
