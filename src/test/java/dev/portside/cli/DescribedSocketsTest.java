package dev.portside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.SocketUser;
import dev.portside.knowledge.DevToolCatalogue;
import dev.portside.knowledge.Knowledge;
import dev.portside.knowledge.LikelyOwner;
import dev.portside.knowledge.OwnerDescriber;
import dev.portside.knowledge.ServiceRegistry;
import dev.portside.owner.ContainerDirectory;
import dev.portside.owner.ContainerEngines;
import dev.portside.owner.FakeEngine;
import dev.portside.owner.OwnerFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code list} describes the sockets that need the container engine's answer last, while the engine
 * is asked on a thread of its own: on a made-up /proc (a docker-proxy, a Node server with its package.json,
 * a hidden socket) and a container engine on a real unix socket, every socket gets the description
 * it gets when the sockets are described in order, the engine is asked once, and the other sockets
 * are described while its answer is still on the way.
 */
class DescribedSocketsTest {

    private static final Instant START = Instant.parse("2026-12-01T08:16:52Z");

    @TempDir
    Path dir;

    private ProcessInfo process(Path proc, int pid, String name, String commandLine, String cgroup, Path cwd)
            throws Exception {
        Path p = Files.createDirectories(proc.resolve(Integer.toString(pid)));
        Files.writeString(p.resolve("cgroup"), cgroup);
        if (cwd != null) {
            Files.createSymbolicLink(p.resolve("cwd"), cwd);
        }
        return new ProcessInfo(pid, name, "/usr/bin/" + name, commandLine, "root", START, 1);
    }

    private static ListeningSocket socket(String address, int port, ProcessInfo... owners) {
        IpAddress ip = IpAddress.parse(address);
        return new ListeningSocket(Protocol.TCP, ip.family(), ip, port, List.of(owners), new SocketUser(0, "root"));
    }

    /** The sockets of a developer's machine, sorted as a scan sorts them. */
    private List<ListeningSocket> sockets(Path proc) throws Exception {
        Path shop = Files.createDirectories(dir.resolve("code/shop"));
        Files.writeString(shop.resolve("package.json"), "{\"name\": \"shop\", \"dependencies\": {\"express\": \"4\"}}");
        ProcessInfo node = process(proc, 4121, "node", "node app.js", "0::/user.slice/user-1000.slice/session-2.scope\n",
                shop);
        ProcessInfo nginx = process(proc, 777, "nginx", "nginx: master process /usr/sbin/nginx",
                "0::/system.slice/nginx.service\n", null);
        ProcessInfo proxy = process(proc, 13738, "docker-proxy", "/usr/sbin/docker-proxy -proto tcp -host-ip 0.0.0.0 "
                + "-host-port 18080 -container-ip 172.17.0.2 -container-port 80", "0::/system.slice/docker.service\n", null);
        return List.of(socket("0.0.0.0", 80, nginx), socket("0.0.0.0", 2024), socket("127.0.0.1", 3000, node),
                socket("0.0.0.0", 18080, proxy));
    }

    /** A describer of this made-up computer; {@code described} counts the descriptions begun. */
    private static OwnerDescriber describer(Path proc, FakeEngine engine, AtomicInteger described) {
        Knowledge knowledge = new Knowledge(DevToolCatalogue.shared(), ServiceRegistry.shared(),
                Clock.fixed(START.plusSeconds(600), ZoneOffset.UTC), "/home/ada", true);
        Supplier<Knowledge> counting = new Supplier<>() {
            @Override
            public Knowledge get() {
                described.incrementAndGet();
                return knowledge;
            }
        };
        return new OwnerDescriber(counting, new OwnerFinder(proc.toString(),
                new ContainerDirectory(ContainerEngines.of(engine.engine()))));
    }

    /** Each socket's description when they are described one after the other, by one thread. */
    private List<LikelyOwner> describedInOrder(Path proc, List<ListeningSocket> sockets) throws Exception {
        List<LikelyOwner> inOrder = new ArrayList<>();
        try (FakeEngine engine = new FakeEngine(Files.createDirectories(dir.resolve("a")))
                .answer("GET /containers/json", "containers-json.http")) {
            DescribedSockets all = DescribedSockets.all(sockets, describer(proc, engine, new AtomicInteger()));
            for (ListeningSocket s : sockets) {
                inOrder.add(all.apply(s));
            }
        }
        return inOrder;
    }

    /** Every socket described as in order, each once (apply() finds them all described), the engine asked once. */
    private static void describedOnceAsInOrder(DescribedSockets d, List<ListeningSocket> sockets, List<LikelyOwner> inOrder,
            AtomicInteger described, FakeEngine engine, OwnerDescriber describer) {
        for (int i = 0; i < sockets.size(); i++) {
            assertThat(d.apply(sockets.get(i))).as(sockets.get(i).toString()).isEqualTo(inOrder.get(i));
        }
        assertThat(described).hasValue(sockets.size());
        assertThat(engine.requests).containsExactly("GET /containers/json");
        assertThat(describer.finder().containers().asks()).isEqualTo(1);
    }

    /** Waits (at most 10 s) until {@code n} descriptions have begun; true when they have. */
    private static boolean begun(AtomicInteger described, int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (described.get() < n && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return described.get() >= n;
    }

    @Test
    void whenAnotherThreadAlreadyAsksTheEngineBothThreadsDescribeTheOtherSocketsFirst() throws Exception {
        Path proc = dir.resolve("proc");
        List<ListeningSocket> sockets = sockets(proc);
        List<LikelyOwner> inOrder = describedInOrder(proc, sockets);
        AtomicInteger described = new AtomicInteger();
        AtomicBoolean waited = new AtomicBoolean();
        Path second = Files.createDirectories(dir.resolve("b"));
        try (FakeEngine engine = new FakeEngine(second).answer("GET /containers/json", "containers-json.http")) {
            CountDownLatch requested = new CountDownLatch(1);
            // the engine answers once all four descriptions have begun: nginx's and node's, and the
            // two that wait for this answer (or, if that never happens, after 10 s)
            engine.onRequest("GET /containers/json", new Runnable() {
                @Override
                public void run() {
                    requested.countDown();
                    waited.set(begun(described, 4));
                }
            });
            OwnerDescriber describer = describer(proc, engine, described);
            Thread ahead = new Thread(new Runnable() { // as list's second thread asks while the command scans
                @Override
                public void run() {
                    describer.finder().containers().listing();
                }
            }, "ahead");
            ahead.start();
            assertThat(requested.await(10, TimeUnit.SECONDS)).isTrue();
            DescribedSockets d = DescribedSockets.inParallel(sockets, describer);
            ahead.join(15_000);
            assertThat(waited).as("nginx and node described while the engine was asked").isTrue();
            describedOnceAsInOrder(d, sockets, inOrder, described, engine, describer);
            // the second thread begins with node, not with a socket that waits for the engine
            assertThat(DescribedSockets.order(sockets, describer.finder())).containsExactly(sockets.get(0),
                    sockets.get(1), sockets.get(3), sockets.get(2));
        }
    }

    @Test
    void withoutASocketThatAsksTheEngineItIsNotAsked() throws Exception {
        Path proc = dir.resolve("proc");
        List<ListeningSocket> sockets = sockets(proc);
        try (FakeEngine engine = new FakeEngine(dir).answer("GET /containers/json", "containers-json.http")) {
            OwnerDescriber describer = describer(proc, engine, new AtomicInteger());
            DescribedSockets.inParallel(List.of(sockets.get(0), sockets.get(2)), describer);
            assertThat(engine.requests).isEmpty();
            assertThat(describer.finder().containers().asks()).isZero();
        }
    }
}
