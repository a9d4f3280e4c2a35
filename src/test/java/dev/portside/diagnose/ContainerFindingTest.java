package dev.portside.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portside.owner.ContainerDirectory;
import dev.portside.owner.ContainerEngine;
import dev.portside.owner.ContainerEngines;
import dev.portside.owner.FakeEngine;
import dev.portside.testing.RealDocker;
import dev.portside.owner.OwnerFinder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The {@code container} finding through the owner feature: a real port held by a real process named
 * docker-proxy, the container named by an engine on a real unix socket (owner's {@link FakeEngine},
 * answering what a real dockerd answered), and, where Docker runs, a real container.
 */
@EnabledOnOs(OS.LINUX)
class ContainerFindingTest {

    @TempDir
    Path dir;

    @Test
    void aContainersPortIsNamedAndNotOfferedToEnd() throws Exception {
        int port = RealListeners.freePort();
        Path proxy = dir.resolve("docker-proxy");
        Files.copy(Path.of("/usr/bin/python3"), proxy, StandardCopyOption.COPY_ATTRIBUTES);
        // A real listener whose process is called docker-proxy, with docker-proxy's own arguments.
        Process forwarder = new ProcessBuilder(proxy.toString(), "-c",
                "import socket,sys\ns=socket.socket()\ns.bind(('127.0.0.1'," + port + "))\ns.listen()\n"
                        + "print('LISTENING', flush=True)\nsys.stdin.read()",
                "-proto", "tcp", "-host-ip", "127.0.0.1", "-host-port", String.valueOf(port), "-container-ip",
                "172.17.0.2", "-container-port", "80").redirectErrorStream(true).start();
        try (FakeEngine engine = new FakeEngine(dir).answerRaw("GET /containers/json", containerList(port))) {
            assertThat(new String(forwarder.getInputStream().readNBytes(9), StandardCharsets.UTF_8)).isEqualTo("LISTENING");
            OwnerFinder finder = new OwnerFinder("/proc",
                    new ContainerDirectory(ContainerEngines.of(ContainerEngine.unix(engine.path()))));
            Diagnose diagnose = new Diagnose(Diagnose.Sources.thisComputer(RealListeners.scanner())
                    .withOwnership(OwnershipFacts.ownerFinder(finder)), RealListeners.STEPS);
            Diagnosis d = ((Diagnose.Diagnosed) diagnose.run("docker: Error response from daemon: driver failed "
                    + "programming external connectivity on endpoint shop: Bind for 127.0.0.1:" + port
                    + " failed: port is already allocated.")).diagnosis();
            Finding f = d.findings().get(0);
            assertThat(f.code()).isEqualTo(FindingCode.CONTAINER);
            assertThat(f.message()).contains("container owner-probe-web (local/busybox)").contains("port 80 inside")
                    .doesNotContain("ufw"); // published on loopback only
            assertThat(f.actions()).containsExactly(new FindingAction(FindingAction.Kind.STOP_CONTAINER,
                    String.valueOf(port), "owner-probe-web"), new FindingAction(FindingAction.Kind.COPY_COMMAND,
                    "docker stop owner-probe-web"));
            assertThat(d.finding(FindingCode.LISTENING).orElseThrow().actions())
                    .noneMatch(a -> a.kind() == FindingAction.Kind.FREE_PORT);
            assertThat(d.factLines()).anyMatch(l -> l.contains("Docker container owner-probe-web local/busybox"));
            assertThat(engine.requests).contains("GET /containers/json");
        } finally {
            forwarder.getOutputStream().close();
            if (!forwarder.waitFor(10, TimeUnit.SECONDS)) {
                forwarder.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void aRealContainerWhereDockerRuns() throws Exception {
        String why = RealDocker.unavailable(); // starts dockerd and imports its image when it can
        assumeTrue(why == null, why);
        String name = RealDocker.uniqueName("diagnose");
        int port = RealDocker.freePort();
        RealDocker.start("--name", name, "-p", "127.0.0.1:" + port + ":80", RealDocker.IMAGE, "/bin/httpd", "-f", "-p",
                "80", "-h", "/www");
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> RealListeners.scanNow().stream()
                    .anyMatch(s -> s.port() == port && !s.ownerHidden()));
            Diagnosis d = ((Diagnose.Diagnosed) new Diagnose(Diagnose.Sources.thisComputer(RealListeners.scanner()), RealListeners.STEPS)
                    .run("127.0.0.1:" + port)).diagnosis();
            Finding f = d.finding(FindingCode.CONTAINER).orElseThrow();
            assertThat(f.message()).contains("container " + name);
            assertThat(f.actions()).extracting(FindingAction::value).containsExactly(String.valueOf(port), "docker stop " + name);
        } finally {
            RealDocker.remove(name);
        }
    }

    /** What a real dockerd answered for /containers/json (owner's recording), published on our port. */
    private static String containerList(int port) throws IOException {
        String recorded;
        try (InputStream in = ContainerFindingTest.class.getResourceAsStream("/dev/portside/owner/containers-json.http")) {
            recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String body = recorded.substring(recorded.indexOf("\r\n\r\n") + 4)
                .replace("\"IP\":\"0.0.0.0\",\"PrivatePort\":80,\"PublicPort\":18080", "\"IP\":\"127.0.0.1\",\"PrivatePort\":80,\"PublicPort\":" + port)
                .replace(",{\"IP\":\"::\",\"PrivatePort\":80,\"PublicPort\":18080,\"Type\":\"tcp\"}", "");
        return "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\nServer: Docker/20.10.24+dfsg1 (linux)\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }
}
