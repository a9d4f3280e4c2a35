package dev.portside.owner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.SocketUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facts of an owner from a made-up /proc (cgroup files and cwd links as Linux writes them) and
 * a recorded container engine: which sockets make Portside ask the engine, what it matches, and
 * that a process is read once.
 */
class OwnerFinderTest {

    private static final String ID = "dcf73a65ba4331a7da00a066d62db2e17a9b39c3e54de73349b6d734dcfd6d9d";
    private static final Instant START = Instant.parse("2026-12-01T08:16:52Z");

    @TempDir
    Path dir;

    private Path proc;

    private ProcessInfo process(int pid, String name, String commandLine, String cgroup, Path cwd) throws Exception {
        proc = dir.resolve("proc");
        Path p = Files.createDirectories(proc.resolve(Integer.toString(pid)));
        Files.writeString(p.resolve("cgroup"), cgroup);
        if (cwd != null) {
            Files.createSymbolicLink(p.resolve("cwd"), cwd);
        }
        return new ProcessInfo(pid, name, "/usr/sbin/" + name, commandLine, "root", START, 1);
    }

    private static ListeningSocket socket(String address, int port, ProcessInfo... owners) {
        IpAddress ip = IpAddress.parse(address);
        return new ListeningSocket(Protocol.TCP, ip.family(), ip, port, List.of(owners), new SocketUser(0, "root"));
    }

    private OwnerFinder finder(FakeEngine engine) {
        ContainerEngines engines = engine == null ? ContainerEngines.of() : ContainerEngines.of(engine.engine());
        return new OwnerFinder(proc == null ? dir.resolve("proc").toString() : proc.toString(),
                new ContainerDirectory(engines));
    }

    @Test
    void dockerProxyOnBothFamiliesNamesTheContainerThatPublishesThePort() throws Exception {
        ProcessInfo v4 = process(13738, "docker-proxy", "/usr/sbin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port "
                + "18080 -container-ip 172.17.0.2 -container-port 80", "0::/system.slice/docker.service\n", null);
        ProcessInfo v6 = process(13744, "docker-proxy", "/usr/sbin/docker-proxy -proto tcp -host-ip :: -host-port "
                + "18080 -container-ip 172.17.0.2 -container-port 80", "0::/system.slice/docker.service\n", null);
        try (FakeEngine engine = new FakeEngine(dir).answer("GET /containers/json", "containers-json.http")) {
            OwnerFinder finder = finder(engine);
            OwnerFacts four = finder.find(socket("0.0.0.0", 18080, v4));
            OwnerFacts six = finder.find(socket("::", 18080, v6));
            for (OwnerFacts f : List.of(four, six)) {
                assertThat(f.container().name()).isEqualTo("owner-probe-web");
                assertThat(f.published().containerPort()).isEqualTo(80);
                assertThat(f.containerProblem()).isNull();
            }
            assertThat(four.published().hostIp()).isEqualTo("0.0.0.0");
            assertThat(six.published().hostIp()).isEqualTo("::");
            assertThat(engine.requests).containsExactly("GET /containers/json"); // asked once for both
        }
    }

    @Test
    void anEngineThatStartsAfterPortsideIsAskedAtTheNextLook() throws Exception {
        ProcessInfo proxy = process(13738, "docker-proxy", "/usr/sbin/docker-proxy -proto tcp -host-ip 0.0.0.0 "
                + "-host-port 18080 -container-ip 172.17.0.2 -container-port 80", "0::/system.slice/docker.service\n",
                null);
        try (FakeEngine engine = new FakeEngine(dir).answer("GET /containers/json", "containers-json.http")) {
            AtomicReference<ContainerEngines> onThisComputer = new AtomicReference<>(ContainerEngines.of());
            AtomicLong nanos = new AtomicLong();
            OwnerFinder finder = new OwnerFinder(proc.toString(), new ContainerDirectory(onThisComputer::get, nanos::get));
            assertThat(finder.find(socket("0.0.0.0", 18080, proxy)).containerProblem().kind())
                    .isEqualTo(EngineProblem.Kind.NO_ENGINE);
            onThisComputer.set(ContainerEngines.of(engine.engine())); // Docker started; no time has passed
            assertThat(finder.find(socket("0.0.0.0", 18080, proxy)).container().name()).isEqualTo("owner-probe-web");
        }
    }

    @Test
    void aContainerThatStartedAfterTheLastListIsNamedAtOnceNotAfterTheCacheAges() throws Exception {
        ProcessInfo proxy = process(13738, "docker-proxy", "/usr/sbin/docker-proxy -proto tcp -host-ip 0.0.0.0 "
                + "-host-port 18080 -container-ip 172.17.0.2 -container-port 80", "0::/system.slice/docker.service\n",
                null);
        try (FakeEngine engine = new FakeEngine(dir).answerJson("GET /containers/json", 200, "[]")) {
            AtomicLong nanos = new AtomicLong(); // the clock stands still: the first list is fresh throughout
            ContainerEngines engines = ContainerEngines.of(engine.engine());
            OwnerFinder finder = new OwnerFinder(proc.toString(), new ContainerDirectory(() -> engines, nanos::get));
            // another socket looked at just before the container started: the list is empty, and kept
            assertThat(finder.find(socket("0.0.0.0", 18080, proxy)).container()).isNull();
            assertThat(engine.requests).as("a list asked just now is not asked again").hasSize(1);
            engine.answer("GET /containers/json", "containers-json.http"); // the container has started
            OwnerFacts facts = finder.find(socket("0.0.0.0", 18080, proxy));
            assertThat(facts.container().name()).isEqualTo("owner-probe-web");
            assertThat(facts.containerProblem()).isNull();
            // a forwarder found on the kept list asks nothing more
            int asked = engine.requests.size();
            finder.find(socket("0.0.0.0", 18080, proxy));
            assertThat(engine.requests).hasSize(asked);
        }
    }

    @Test
    void aDaemonThatWasNotRunningIsAskedAgainSoon() throws Exception {
        // the socket path FakeEngine will listen on, before anything listens there
        ContainerEngines notRunning = ContainerEngines.of(ContainerEngine.unix(dir.resolve("engine.sock").toString()));
        AtomicLong nanos = new AtomicLong();
        ContainerDirectory directory = new ContainerDirectory(() -> notRunning, nanos::get);
        assertThat(directory.listing().answered()).isFalse(); // nothing listens there yet
        try (FakeEngine engine = new FakeEngine(dir).answer("GET /containers/json", "containers-json.http")) {
            // the daemon now answers on the same socket path
            nanos.addAndGet(ContainerDirectory.FRESH.toNanos());
            assertThat(directory.listing().answered()).isTrue();
        }
    }

    @Test
    void withoutAnEngineTheForwardSaysWhyTheContainerIsNotNamed() throws Exception {
        ProcessInfo proxy = process(4242, "docker-proxy", "docker-proxy -host-port 8080 -container-port 80",
                "0::/system.slice/docker.service\n", null);
        OwnerFacts f = finder(null).find(socket("0.0.0.0", 8080, proxy));
        assertThat(f.container()).isNull();
        assertThat(f.containerProblem().kind()).isEqualTo(EngineProblem.Kind.NO_ENGINE);
        assertThat(f.unit()).isNull(); // docker.service is dockerd's unit, not what to stop
        assertThat(f.project()).isNull();
    }

    @Test
    void aProcessInsideAContainerOnTheHostNetworkIsFoundByItsCgroup() throws Exception {
        ProcessInfo httpd = process(5150, "httpd", "/bin/httpd -f -p 18081", "0::/docker/" + ID + "\n", null);
        try (FakeEngine engine = new FakeEngine(dir).answer("GET /containers/json", "containers-json.http")) {
            OwnerFacts f = finder(engine).find(socket("0.0.0.0", 18081, httpd));
            assertThat(f.container().id()).isEqualTo(ID);
            assertThat(f.published()).isNull(); // the host's network: no mapping
            assertThat(f.containerId()).isEqualTo(ID);
        }
    }

    @Test
    void aHiddenSocketOnAPublishedPortIsTheContainersAndOtherHiddenSocketsAreNot() throws Exception {
        try (FakeEngine engine = new FakeEngine(dir).answer("GET /containers/json", "containers-json.http")) {
            OwnerFinder finder = finder(engine);
            assertThat(finder.find(socket("0.0.0.0", 18080)).container().name()).isEqualTo("owner-probe-web");
            OwnerFacts other = finder.find(socket("0.0.0.0", 2024));
            assertThat(other.container()).isNull();
            assertThat(other.containerProblem()).isNull(); // a hidden socket that is no container says nothing of Docker
        }
        assertThat(finder(null).find(socket("0.0.0.0", 2024)).containerProblem()).isNull();
    }

    @Test
    void anOrdinaryProcessHasItsServiceAndProjectReadOnceAndNeverAsksTheEngine() throws Exception {
        Path shop = Files.createDirectories(dir.resolve("home/ada/code/shop"));
        Files.writeString(shop.resolve("package.json"), "{\"name\": \"shop\", \"dependencies\": {\"express\": \"4\"}}");
        Path src = Files.createDirectories(shop.resolve("src"));
        ProcessInfo node = process(4121, "node", "node src/app.js",
                "0::/user.slice/user-1000.slice/user@1000.service/app.slice/shop.service\n", src);
        try (FakeEngine engine = new FakeEngine(dir).answer("GET /containers/json", "containers-json.http")) {
            OwnerFinder finder = finder(engine);
            OwnerFacts f = finder.find(socket("127.0.0.1", 3000, node));
            finder.find(socket("::1", 3000, node));
            assertThat(f.unit()).isEqualTo(new ServiceUnit("shop.service", true));
            assertThat(f.project().name()).isEqualTo("shop");
            assertThat(f.project().folder()).isEqualTo(shop.toString());
            assertThat(f.workingDirectory()).isEqualTo(src.toString());
            assertThat(f.container()).isNull();
            assertThat(finder.processReads()).isEqualTo(1);
            assertThat(engine.requests).isEmpty();
        }
    }

    @Test
    void aNewProcessOnTheSamePidIsReadAgain() throws Exception {
        ProcessInfo first = process(777, "nginx", "nginx: master process", "0::/system.slice/nginx.service\n", null);
        OwnerFinder finder = finder(null);
        assertThat(finder.find(socket("0.0.0.0", 80, first)).unit().name()).isEqualTo("nginx.service");
        Files.writeString(proc.resolve("777/cgroup"), "0::/system.slice/apache2.service\n");
        ProcessInfo reused = new ProcessInfo(777, "apache2", "/usr/sbin/apache2", "apache2 -k start", "root",
                START.plusSeconds(60), 1);
        assertThat(finder.find(socket("0.0.0.0", 80, reused)).unit().name()).isEqualTo("apache2.service");
        assertThat(finder.find(socket("0.0.0.0", 80, first)).unit().name()).isEqualTo("nginx.service"); // cached
        assertThat(finder.processReads()).isEqualTo(2);
    }
}
