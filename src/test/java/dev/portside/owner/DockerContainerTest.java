package dev.portside.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.portside.cli.Cli;
import dev.portside.core.ListeningSocket;
import dev.portside.knowledge.Knowledge;
import dev.portside.knowledge.LikelyOwner;
import dev.portside.knowledge.OwnerDescriber;
import dev.portside.scan.LinuxPortScanner;
import dev.portside.scan.PortScanner;
import dev.portside.testing.OtherUser;
import dev.portside.testing.RealDocker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real Docker daemon (started by the test when none runs, see {@link RealDocker}) and real
 * containers of the tiny local/busybox image: the published port is named by its container, a
 * container on the host's network by its cgroup, and a user without access to Docker's socket is
 * told how to get it. Needs the machine's network namespace (plain mvn, not tools/mvn-isolated.sh);
 * skips, saying why, where no Docker can run. Names and ports are unique; what it starts it removes.
 */
class DockerContainerTest {

    private static final List<String> CREATED = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void docker() { // per test, so that a skip is counted and its reason shown for each
        String why = RealDocker.unavailable();
        assumeTrue(why == null, why);
    }

    @AfterAll
    static void removeContainers() {
        if (!CREATED.isEmpty()) {
            RealDocker.remove(CREATED.toArray(String[]::new));
        }
    }

    private static String run(String name, String... args) {
        CREATED.add(name);
        List<String> all = new ArrayList<>(List.of("--name", name));
        all.addAll(List.of(args));
        return RealDocker.start(all.toArray(String[]::new));
    }

    private static List<ListeningSocket> waitForPort(PortScanner scanner, int port) throws Exception {
        List<List<ListeningSocket>> found = new ArrayList<>(List.of(List.of()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            found.set(0, scanner.scan().onPort(port));
            return !found.get(0).isEmpty() && found.get(0).stream().allMatch(s -> !s.owners().isEmpty());
        });
        return found.get(0);
    }

    @Test
    void aPublishedPortIsNamedByItsContainerAndImageNotByDockerProxy() throws Exception {
        String name = RealDocker.uniqueName("web");
        int port = RealDocker.freePort();
        String id = run(name, "-p", "127.0.0.1:" + port + ":80", RealDocker.IMAGE, "/bin/httpd", "-f", "-p", "80",
                "-h", "/www");
        OwnerDescriber describer = new OwnerDescriber(Knowledge::shared, OwnerFinder.system());
        try (PortScanner scanner = LinuxPortScanner.netlink()) {
            ListeningSocket socket = waitForPort(scanner, port).get(0);
            assertThat(socket.owner().orElseThrow().displayName()).isEqualTo("docker-proxy");
            LikelyOwner owner = describer.describe(socket);
            assertThat(owner.label()).isEqualTo("Docker: " + name);
            assertThat(owner.facts().container().id()).isEqualTo(id);
            assertThat(owner.facts().container().image()).isEqualTo(RealDocker.IMAGE);
            assertThat(owner.facts().container().state()).isEqualTo("running");
            assertThat(owner.facts().published().containerPort()).isEqualTo(80);
            assertThat(owner.sentence()).contains("only forwards the traffic: stop the container");
        }
        // the CLI's JSON carries it too
        Cli.Result list = Cli.run("list", "--json");
        assertThat(list.exit()).as(list.err()).isZero();
        JsonObject mine = null;
        for (JsonElement e : JsonParser.parseString(list.out()).getAsJsonArray()) {
            if (e.getAsJsonObject().get("port").getAsInt() == port) {
                mine = e.getAsJsonObject();
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("owner").getAsString()).isEqualTo("Docker: " + name);
        assertThat(mine.getAsJsonObject("container").get("name").getAsString()).isEqualTo(name);
        assertThat(mine.getAsJsonObject("container").get("id").getAsString()).isEqualTo(id);
        assertThat(mine.get("certainty").getAsString()).isEqualTo("command-line");
    }

    @Test
    void aContainerOnTheHostsNetworkIsFoundByItsProcessesCgroup() throws Exception {
        String name = RealDocker.uniqueName("hostnet");
        int port = RealDocker.freePort();
        String id = run(name, "--network", "host", RealDocker.IMAGE, "/bin/httpd", "-f", "-p", "127.0.0.1:" + port,
                "-h", "/www");
        try (PortScanner scanner = LinuxPortScanner.netlink()) {
            ListeningSocket socket = waitForPort(scanner, port).get(0);
            assertThat(socket.owner().orElseThrow().displayName()).isIn("httpd", "busybox");
            OwnerFacts facts = OwnerFinder.system().find(socket);
            assertThat(facts.containerId()).isEqualTo(id);
            assertThat(facts.container().name()).isEqualTo(name);
            assertThat(facts.published()).isNull();
            LikelyOwner owner = Knowledge.shared().likelyOwner(socket, facts);
            assertThat(owner.label()).isEqualTo("Docker: " + name);
            assertThat(owner.sentence()).contains("runs inside the Docker container " + name);
        }
    }

    @Test
    void aUserWithoutAccessToDockersSocketIsToldHowToGetIt() throws Exception {
        OtherUser.assumeAvailable();
        String name = RealDocker.uniqueName("denied");
        int port = RealDocker.freePort();
        run(name, "-p", "127.0.0.1:" + port + ":80", RealDocker.IMAGE, "/bin/httpd", "-f", "-p", "80", "-h", "/www");
        try (PortScanner scanner = LinuxPortScanner.netlink()) {
            waitForPort(scanner, port);
        }
        OtherUser.Result who = OtherUser.portside(Map.of(), "who", Integer.toString(port));
        assertThat(who.exitCode()).as(who.err()).isZero();
        assertThat(who.out()).contains("hidden (user root)", "your account may not use /var/run/docker.sock",
                "Add yourself to the docker group");
    }

    @Test
    void freeStopsTheContainerThroughTheEngineInsteadOfEndingDockerProxy() throws Exception {
        String name = RealDocker.uniqueName("free");
        int port = RealDocker.freePort();
        run(name, "--stop-timeout", "1", "-p", "127.0.0.1:" + port + ":80", RealDocker.IMAGE, "/bin/httpd", "-f",
                "-p", "80", "-h", "/www");
        long proxyPid;
        try (PortScanner scanner = LinuxPortScanner.netlink()) {
            proxyPid = waitForPort(scanner, port).get(0).owner().orElseThrow().pid();
        }
        Cli.Result free = Cli.run("free", Integer.toString(port), "--yes");
        assertThat(free.out()).as(free.err()).contains("Port " + port + " belongs to the Docker container " + name,
                "docker-proxy only forwards it", "Stopped the container " + name + " (" + RealDocker.IMAGE + ")",
                "Port " + port + " is free.");
        assertThat(free.exit()).isZero();
        assertThat(RealDocker.run("inspect", "-f", "{{.State.Status}}", name).out()).isEqualTo("exited");
        assertThat(ProcessHandle.of(proxyPid)).isEmpty(); // Docker ended its forwarder when the container stopped
        try (PortScanner scanner = LinuxPortScanner.netlink()) {
            assertThat(scanner.scan().onPort(port)).isEmpty();
        }
    }
}
