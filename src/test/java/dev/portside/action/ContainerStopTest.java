package dev.portside.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.SocketUser;
import dev.portside.owner.Container;
import dev.portside.owner.ContainerDirectory;
import dev.portside.owner.ContainerEngines;
import dev.portside.owner.ContainerStopper;
import dev.portside.owner.FakeEngine;
import dev.portside.owner.PublishedPort;
import dev.portside.testing.FakeScanner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping a container's port through a recorded engine: the container is checked right before, its
 * engine stops it, no process is signalled, and the port is watched as after any end.
 */
class ContainerStopTest {

    private static final String ID = "3f2a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4";
    private static final Container WEB = new Container("Docker", ID, "shop-web", "nginx:1.27", "running", "Up 3 minutes",
            List.of(new PublishedPort("0.0.0.0", 8080, 80, "tcp")));
    private static final ListeningSocket PROXY = new ListeningSocket(Protocol.TCP, IpAddress.IPV4_ANY.family(),
            IpAddress.IPV4_ANY, 8080, List.of(new ProcessInfo(4242, "docker-proxy", "/usr/sbin/docker-proxy",
                    "/usr/sbin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 "
                            + "-container-port 80", "root", Instant.parse("2026-03-01T11:00:00Z"), 900)),
            new SocketUser(0, "root"));

    @TempDir
    Path dir;

    private final FakeScanner scanner = new FakeScanner();

    private static String inspect(boolean running, Integer stopTimeout) {
        return "{\"Id\":\"" + ID + "\",\"Name\":\"/shop-web\",\"State\":{\"Status\":\"" + (running ? "running" : "exited")
                + "\",\"Running\":" + running + "},\"Config\":{\"Image\":\"nginx:1.27\",\"StopTimeout\":"
                + stopTimeout + "}}";
    }

    private ContainerStop stop(FakeEngine engine) {
        PortFreer freer = new PortFreer(scanner, new ProcessTerminator(), Duration.ofSeconds(2), Duration.ofMillis(50));
        return new ContainerStop(freer, new ContainerStopper(new ContainerDirectory(ContainerEngines.of(engine.engine()))));
    }

    @Test
    void theEngineStopsTheContainerWithItsGracePeriodAndThePortIsWatched() throws Exception {
        scanner.set(PROXY);
        try (FakeEngine engine = new FakeEngine(dir).answerJson("GET /containers/" + ID + "/json", 200, inspect(true, 3))
                .answerRaw("POST /containers/" + ID + "/stop", "HTTP/1.1 204 No Content\r\n\r\n")
                .onRequest("POST /containers/" + ID + "/stop", () -> scanner.set())) { // docker-proxy goes with it
            assertThat(stop(engine).stopper().grace(WEB)).contains(Duration.ofSeconds(3));
            KillOutcome outcome = stop(engine).stop(KillPlan.forSocket(PROXY), WEB);
            assertThat(outcome).isInstanceOf(KillOutcome.Freed.class);
            assertThat(outcome.message()).isEqualTo("Stopped the container shop-web (nginx:1.27). Port 8080 is free.");
            assertThat(((KillOutcome.Freed) outcome).endedPids()).isEmpty(); // no process was signalled
            assertThat(engine.requests).contains("POST /containers/" + ID + "/stop");
        }
    }

    @Test
    void aContainerThatIsGoneOrReplacedIsNotStopped() throws Exception {
        scanner.set(PROXY);
        try (FakeEngine engine = new FakeEngine(dir)) { // every request: 404
            KillOutcome outcome = stop(engine).stop(KillPlan.forSocket(PROXY), WEB);
            assertThat(outcome).isInstanceOfSatisfying(Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(Refused.Reason.IDENTITY_CHANGED));
            assertThat(outcome.message()).contains("Nothing was stopped", "shop-web");
            assertThat(engine.requests).noneMatch(r -> r.startsWith("POST"));
        }
    }

    @Test
    void aContainerThatStoppedMeanwhileIsSaidSoAndNotStoppedAgain() throws Exception {
        try (FakeEngine engine = new FakeEngine(dir).answerJson("GET /containers/" + ID + "/json", 200,
                inspect(false, null))) {
            KillOutcome outcome = stop(engine).stop(KillPlan.forSocket(PROXY), WEB);
            assertThat(outcome.message()).isEqualTo("The container shop-web was not running any more. Port 8080 is free.");
            assertThat(engine.requests).noneMatch(r -> r.startsWith("POST"));
        }
    }

    @Test
    void anEngineThatCannotBeAskedLeavesEverythingAsItWas() {
        scanner.set(PROXY);
        ContainerStop stop = new ContainerStop(new PortFreer(scanner, new ProcessTerminator()), new ContainerStopper(
                new ContainerDirectory(ContainerEngines.of(dev.portside.owner.ContainerEngine.unix(dir.resolve("none.sock")
                        .toString())))));
        KillOutcome outcome = stop.stop(KillPlan.forSocket(PROXY), WEB);
        assertThat(outcome).isInstanceOf(Failed.class);
        assertThat(outcome.message()).startsWith("The container shop-web was not stopped.")
                .contains("no Docker or Podman socket answers");
    }
}
