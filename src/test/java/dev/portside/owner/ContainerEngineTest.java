package dev.portside.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Engine API client on recorded answers of a real dockerd 20.10 (Content-Length and chunked),
 * over a real unix socket. The same calls against a live Docker are in {@code DockerContainerIT}.
 */
class ContainerEngineTest {

    private static final String ID = "dcf73a65ba4331a7da00a066d62db2e17a9b39c3e54de73349b6d734dcfd6d9d";

    @TempDir
    Path dir;

    @Test
    void listsTheRunningContainersWithTheirPublishedPorts() throws Exception {
        try (FakeEngine fake = new FakeEngine(dir).answer("GET /containers/json", "containers-json.http")) {
            var containers = fake.engine().containers();
            assertThat(containers).singleElement().satisfies(c -> {
                assertThat(c.id()).isEqualTo(ID);
                assertThat(c.shortId()).isEqualTo("dcf73a65ba43");
                assertThat(c.name()).isEqualTo("owner-probe-web");
                assertThat(c.image()).isEqualTo("local/busybox");
                assertThat(c.state()).isEqualTo("running");
                assertThat(c.engine()).isEqualTo("Docker");
                assertThat(c.ports()).containsExactly(new PublishedPort("0.0.0.0", 18080, 80, "tcp"),
                        new PublishedPort("::", 18080, 80, "tcp"));
            });
        }
    }

    @Test
    void inspectReadsAChunkedAnswer() throws Exception {
        try (FakeEngine fake = new FakeEngine(dir).answer("GET /containers/" + ID + "/json", "container-inspect.http")
                .answer("GET /containers/nosuch/json", "container-missing.http")) {
            ContainerState s = fake.engine().inspect(ID).orElseThrow();
            assertThat(s.id()).isEqualTo(ID);
            assertThat(s.name()).isEqualTo("owner-probe-web");
            assertThat(s.image()).isEqualTo("local/busybox");
            assertThat(s.running()).isTrue();
            assertThat(s.grace()).isEqualTo(Duration.ofSeconds(10)); // no StopTimeout: Docker's default
            assertThat(fake.engine().inspect("nosuch")).isEmpty();
        }
    }

    @Test
    void stopSaysWhetherTheContainerWasRunning() throws Exception {
        try (FakeEngine fake = new FakeEngine(dir)
                .answerRaw("POST /containers/" + ID + "/stop", "HTTP/1.1 204 No Content\r\nApi-Version: 1.41\r\n\r\n")
                .answerRaw("POST /containers/stopped/stop", "HTTP/1.1 304 Not Modified\r\n\r\n")
                .answer("POST /containers/nosuch/stop", "container-missing.http")) {
            assertThat(fake.engine().stop(ID, null, Duration.ofSeconds(5))).isTrue();
            assertThat(fake.engine().stop("stopped", null, Duration.ofSeconds(5))).isFalse();
            assertThatThrownBy(() -> fake.engine().stop("nosuch", null, Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(EngineException.class, e -> {
                        assertThat(e.problem().kind()).isEqualTo(EngineProblem.Kind.NOT_FOUND);
                        assertThat(e.problem().detail()).isEqualTo("No such container: nosuch");
                    });
        }
    }

    @Test
    void aMissingSocketIsNoEngineAndADeadOneIsNotRunning() throws Exception {
        assertThatThrownBy(() -> ContainerEngine.unix(dir.resolve("none.sock").toString()).containers())
                .isInstanceOfSatisfying(EngineException.class,
                        e -> assertThat(e.problem().kind()).isEqualTo(EngineProblem.Kind.NO_ENGINE));
        String path;
        try (FakeEngine fake = new FakeEngine(dir)) {
            path = fake.path();
        }
        Files.writeString(Path.of(path), ""); // a left-over file where the socket was: nobody listens
        assertThatThrownBy(() -> ContainerEngine.unix(path).containers())
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.problem().kind())
                        .isIn(EngineProblem.Kind.NOT_RUNNING, EngineProblem.Kind.ERROR));
    }

    @Test
    void anAnswerCutShortIsAnErrorAndASilentEngineTimesOut() throws Exception {
        try (FakeEngine fake = new FakeEngine(dir).answerRaw("GET /containers/json",
                "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n[")) { // promises 100 bytes, sends 1 and closes
            assertThatThrownBy(() -> fake.engine().containers()).isInstanceOfSatisfying(EngineException.class,
                    e -> assertThat(e.problem().kind()).isEqualTo(EngineProblem.Kind.ERROR));
        }
        try (FakeEngine fake = new FakeEngine(dir).silent()) {
            assertThatThrownBy(() -> fake.engine().withQueryTimeout(Duration.ofMillis(200)).containers())
                    .isInstanceOfSatisfying(EngineException.class,
                            e -> assertThat(e.problem().kind()).isEqualTo(EngineProblem.Kind.TIMEOUT));
        }
    }

    @Test
    void httpParsingByLengthChunksAndEndOfStream() throws Exception {
        byte[] chunked = ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n[1,2\r\n3\r\n,3]\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(EngineHttp.parse(chunked, false).body()).isEqualTo("[1,2,3]");
        byte[] half = java.util.Arrays.copyOf(chunked, chunked.length - 8);
        assertThat(EngineHttp.parse(half, false)).isNull();
        byte[] untilEnd = "HTTP/1.0 200 OK\r\n\r\n[]".getBytes(StandardCharsets.US_ASCII);
        assertThat(EngineHttp.parse(untilEnd, false)).isNull();
        assertThat(EngineHttp.parse(untilEnd, true).body()).isEqualTo("[]");
        assertThatThrownBy(() -> EngineHttp.parse("SSH-2.0-OpenSSH\r\n\r\n".getBytes(StandardCharsets.US_ASCII), true))
                .hasMessageContaining("not HTTP");
    }

    @Test
    void discoveryFindsDockerHostRootlessAndPodmanSocketsThatExist() {
        Map<String, String> env = Map.of("DOCKER_HOST", "unix:///custom/docker.sock", "XDG_RUNTIME_DIR", "/run/user/1000");
        ContainerEngines found = ContainerEngines.discover(env, "/home/ada",
                p -> p.equals("/var/run/docker.sock") || p.equals("/run/user/1000/podman/podman.sock"));
        assertThat(found.engines()).extracting(ContainerEngine::socket)
                .containsExactly("/custom/docker.sock", "/var/run/docker.sock", "/run/user/1000/podman/podman.sock");
        assertThat(found.engines()).extracting(ContainerEngine::name).containsExactly("Docker", "Docker", "Podman");

        ContainerEngines remote = ContainerEngines.discover(Map.of("DOCKER_HOST", "tcp://build-server:2376"), "",
                p -> false);
        assertThat(remote.engines()).isEmpty();
        assertThat(remote.unusableHost()).isNotNull();
        ContainerEngines local = ContainerEngines.discover(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"), "", p -> false);
        assertThat(local.engines()).extracting(ContainerEngine::socket).containsExactly("tcp://127.0.0.1:2375");
    }

    @Test
    void podmansDockerCompatibleSocketAnswersTheSameWay() throws Exception {
        // recorded from Podman 4.3 (Debian 12) on this machine: its port is held by conmon
        Path podmanDir = java.nio.file.Files.createDirectories(dir.resolve("podman"));
        try (FakeEngine fake = new FakeEngine(podmanDir).answer("GET /containers/json", "podman-containers-json.http")) {
            assertThat(fake.engine().name()).isEqualTo("Podman");
            assertThat(fake.engine().containers()).singleElement().satisfies(c -> {
                assertThat(c.engine()).isEqualTo("Podman");
                assertThat(c.name()).isEqualTo("owner-podman-web");
                assertThat(c.image()).isEqualTo("localhost/busybox:latest");
                assertThat(c.ports()).containsExactly(new PublishedPort("127.0.0.1", 18095, 80, "tcp"));
            });
            dev.portside.core.ListeningSocket conmon = new dev.portside.core.ListeningSocket(
                    dev.portside.core.Protocol.TCP, dev.portside.core.IpAddress.IPV4_LOOPBACK.family(),
                    dev.portside.core.IpAddress.IPV4_LOOPBACK, 18095, java.util.List.of(new dev.portside.core.ProcessInfo(
                            4163, "conmon", "/usr/bin/conmon", "/usr/bin/conmon --api-version 1 -c ac76114b4a57", "root",
                            java.time.Instant.parse("2026-12-01T09:56:07Z"), 1)));
            OwnerFacts f = new OwnerFinder(dir.resolve("no-proc").toString(),
                    new ContainerDirectory(ContainerEngines.of(fake.engine()))).find(conmon);
            assertThat(f.container().name()).isEqualTo("owner-podman-web");
            assertThat(f.published().containerPort()).isEqualTo(80);
        }
    }
}
