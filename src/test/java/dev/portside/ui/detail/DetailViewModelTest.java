package dev.portside.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessExtras;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.Snapshot;
import dev.portside.knowledge.AddressExplainer;
import dev.portside.knowledge.DevToolCatalogue;
import dev.portside.platform.OsFamily;
import dev.portside.knowledge.Knowledge;
import dev.portside.knowledge.OwnerCertainty;
import dev.portside.knowledge.ServiceRegistry;
import dev.portside.poll.BackgroundRunner;
import dev.portside.testing.FakeScanner;
import dev.portside.testing.MutableClock;
import dev.portside.ui.ports.PortsViewModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The detail pane's state, without a toolkit: same-thread or hand-run executors and fixed data. */
class DetailViewModelTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Knowledge KNOWLEDGE = new Knowledge(DevToolCatalogue.loadBundled(),
            ServiceRegistry.loadBundled(), Clock.fixed(NOW, ZoneOffset.UTC), "/home/ada");

    private final dev.portside.testing.MutableClock portsClock = new dev.portside.testing.MutableClock(NOW);
    private final PortsViewModel ports = new PortsViewModel(portsClock);
    private final Queue<Runnable> backgroundQueue = new ArrayDeque<>();

    private final java.util.concurrent.atomic.AtomicInteger knowledgeAsked = new java.util.concurrent.atomic.AtomicInteger();

    private DetailViewModel model(Executor background) {
        DetailServices services = new DetailServices(() -> {
            knowledgeAsked.incrementAndGet();
            return KNOWLEDGE;
        },
                new AddressExplainer(a -> a.toString().equals("192.168.1.23") ? Optional.of("wlan0") : Optional.empty()),
                p -> new ProcessExtras("bash", "/home/ada/code/shop"), OsFamily.LINUX, Clock.fixed(NOW, ZoneOffset.UTC),
                ZoneOffset.UTC, new BackgroundRunner(background, Runnable::run));
        return new DetailViewModel(ports.selectedProperty(), services);
    }

    private void scan(ListeningSocket... sockets) {
        ports.apply(new Snapshot(NOW, Duration.ofMillis(1), List.of(sockets), "fake"));
    }

    private void select(int port) {
        ports.selectedProperty().set(ports.rows().stream().filter(r -> r.port() == port).findFirst().orElseThrow());
    }

    private static ListeningSocket vite(String address, int port) {
        ListeningSocket s = FakeScanner.tcp(address, port, 4121, "node");
        ProcessInfo p = new ProcessInfo(4121, "node", "/usr/bin/node", "node /home/ada/code/shop/node_modules/.bin/vite",
                "ada", NOW.minus(Duration.ofMinutes(12)), 4000);
        return new ListeningSocket(s.protocol(), s.family(), s.address(), s.port(), List.of(p));
    }

    @Test
    void emptyUntilARowIsSelectedAndAgainAfterwards() {
        DetailViewModel m = model(Runnable::run);
        scan(vite("127.0.0.1", 5173));
        assertThat(m.emptyProperty().get()).isTrue();
        select(5173);
        assertThat(m.emptyProperty().get()).isFalse();
        ports.selectedProperty().set(null);
        assertThat(m.emptyProperty().get()).isTrue();
    }

    @Test
    void explainsALoopbackViteServer() {
        DetailViewModel m = model(Runnable::run);
        scan(vite("127.0.0.1", 5173));
        select(5173);
        assertThat(m.titleProperty().get()).isEqualTo("TCP 127.0.0.1:5173");
        assertThat(m.addressHeadlineProperty().get()).containsIgnoringCase("loopback");
        assertThat(m.exposedProperty().get()).isFalse();
        assertThat(m.portHeadlineProperty().get()).isEqualTo("Port 5173: Registered (1024\u201349151)");
        assertThat(m.ianaTextProperty().get()).isEqualTo("IANA has no service registered for TCP port 5173.");
        assertThat(m.usualToolsTextProperty().get()).contains("Vite dev server");
        assertThat(m.ownerLabelProperty().get()).isEqualTo("Vite dev server");
        assertThat(m.certaintyProperty().get()).isEqualTo(OwnerCertainty.RECOGNISED_FROM_COMMAND_LINE);
        assertThat(m.ownerSentenceProperty().get())
                .isEqualTo("Vite dev server (node, pid 4121), started 12 minutes ago in ~/code/shop.");
        assertThat(m.processProperty().get()).isEqualTo("node (pid 4121)");
        assertThat(m.parentProperty().get()).isEqualTo("bash (pid 4000)");
        assertThat(m.folderProperty().get()).isEqualTo("/home/ada/code/shop");
        assertThat(m.startedProperty().get()).isEqualTo("11:48:00, 12 minutes ago");
        assertThat(m.commands()).extracting(c -> c.command())
                .containsExactly("ss -ltnp 'sport = :5173'", "lsof -nP -i :5173");
        assertThat(m.problems()).hasSize(2);
        assertThat(m.loadingProperty().get()).isFalse();
    }

    @Test
    void everyInterfaceIsExposedAndASpecificAddressNamesItsInterface() {
        DetailViewModel m = model(Runnable::run);
        scan(vite("0.0.0.0", 5173), FakeScanner.tcp("192.168.1.23", 8081, 7, "java"));
        select(5173);
        assertThat(m.exposedProperty().get()).isTrue();
        select(8081);
        assertThat(m.exposedProperty().get()).isFalse();
        assertThat(m.addressHeadlineProperty().get()).contains("wlan0");
        assertThat(m.addressTextProperty().get()).contains("private address");
    }

    @Test
    void followsTheSelectedRowWhenAPollUpdatesItInPlace() {
        DetailViewModel m = model(Runnable::run);
        scan(FakeScanner.tcp("127.0.0.1", 5432, 0, ""));
        select(5432);
        assertThat(m.ownerHiddenProperty().get()).isTrue();
        assertThat(m.certaintyProperty().get()).isEqualTo(OwnerCertainty.GUESSED_FROM_PORT);
        assertThat(m.ownerLabelProperty().get()).isEqualTo("PostgreSQL");

        scan(FakeScanner.tcp("127.0.0.1", 5432, 321, "postgres")); // same row, owner now visible
        assertThat(m.ownerHiddenProperty().get()).isFalse();
        assertThat(m.processProperty().get()).isEqualTo("postgres (pid 321)");
        assertThat(m.certaintyProperty().get()).isEqualTo(OwnerCertainty.RECOGNISED_FROM_COMMAND_LINE);
    }

    @Test
    void aClosedSocketEmptiesThePane() {
        DetailViewModel m = model(Runnable::run);
        scan(vite("127.0.0.1", 5173));
        select(5173);
        scan();
        // The closed socket's row stays a moment (struck through), then goes and takes the selection along.
        portsClock.advance(PortsViewModel.CLOSING_LINGER);
        ports.tick();
        assertThat(m.emptyProperty().get()).isTrue();
    }

    @Test
    void slowWorkRunsInTheBackgroundAndOnlyTheNewestSelectionLands() {
        DetailViewModel m = model(backgroundQueue::add);
        scan(vite("127.0.0.1", 5173), FakeScanner.tcp("0.0.0.0", 6379, 9, "redis-server"));
        select(5173);
        // Shown at once: what needs no OS and no bundled data.
        assertThat(m.titleProperty().get()).isEqualTo("TCP 127.0.0.1:5173");
        assertThat(m.loadingProperty().get()).isTrue();
        assertThat(m.ownerLabelProperty().get()).isEmpty();
        assertThat(knowledgeAsked).as("the bundled data is only touched in the background").hasValue(0);
        select(6379);
        assertThat(backgroundQueue).hasSize(2);
        backgroundQueue.poll().run(); // the stale 5173 result arrives late and is dropped
        assertThat(m.ownerLabelProperty().get()).isEmpty();
        assertThat(m.loadingProperty().get()).isTrue();
        backgroundQueue.poll().run();
        assertThat(m.ownerLabelProperty().get()).isEqualTo("Redis");
        assertThat(m.exposedProperty().get()).isTrue();
        assertThat(m.loadingProperty().get()).isFalse();
    }

    @Test
    void aNewerSocketOfTheChosenRowKeepsWhatIsShownWhileRecomputing() {
        DetailViewModel m = model(backgroundQueue::add);
        scan(vite("127.0.0.1", 5173));
        select(5173);
        backgroundQueue.poll().run();
        ListeningSocket first = vite("127.0.0.1", 5173);
        ProcessInfo worker = new ProcessInfo(4122, "node", "/usr/bin/node", "node worker.js", "ada", NOW, 4121);
        scan(new ListeningSocket(first.protocol(), first.family(), first.address(), first.port(),
                List.of(first.owners().get(0), worker)));
        assertThat(backgroundQueue).as("a changed socket is explained again").hasSize(1);
        assertThat(m.ownerLabelProperty().get()).isEqualTo("Vite dev server"); // no flicker to empty
        backgroundQueue.poll().run();
        assertThat(m.ownerLabelProperty().get()).isEqualTo("Vite dev server");
        assertThat(m.otherOwnersProperty().get()).isEqualTo("node (pid 4122)");
    }

    @Test
    void agesStayTrueWhileShownAndAreReworded_onlyWhenTheirMinuteTurns() {
        // A process that started a moment ago, and a clock the test moves: the pane's clock.
        MutableClock clock = new MutableClock(NOW);
        java.util.concurrent.atomic.AtomicInteger backgroundWork = new java.util.concurrent.atomic.AtomicInteger();
        DetailServices services = new DetailServices(() -> KNOWLEDGE,
                new AddressExplainer(a -> Optional.empty()), p -> new ProcessExtras("bash", "/home/ada/code/shop"),
                OsFamily.LINUX, clock, ZoneOffset.UTC, new BackgroundRunner(r -> {
                    backgroundWork.incrementAndGet();
                    r.run();
                }, Runnable::run));
        DetailViewModel m = new DetailViewModel(ports.selectedProperty(), services);
        ListeningSocket s = FakeScanner.tcp("127.0.0.1", 5173, 4121, "node");
        ProcessInfo fresh = new ProcessInfo(4121, "node", "/usr/bin/node", "node /home/ada/code/shop/node_modules/.bin/vite",
                "ada", NOW.minusSeconds(10), 4000);
        scan(new ListeningSocket(s.protocol(), s.family(), s.address(), s.port(), List.of(fresh)));
        select(5173);
        assertThat(m.startedProperty().get()).isEqualTo("11:59:50, just now");
        assertThat(m.ownerSentenceProperty().get()).isEqualTo("Vite dev server (node, pid 4121), started just now in ~/code/shop.");
        int composed = backgroundWork.get();
        int[] changes = {0};
        m.startedProperty().addListener((o, was, now) -> changes[0]++);
        m.ownerSentenceProperty().addListener((o, was, now) -> changes[0]++);

        clock.advanceSeconds(40); // 11:59:50 + 50 s: still under a minute
        m.tick();
        assertThat(changes[0]).as("nothing to re-word before the minute turns").isZero();

        clock.advance(Duration.ofMinutes(2)); // the lead's case: two minutes later
        m.tick();
        assertThat(m.startedProperty().get()).isEqualTo("11:59:50, 2 minutes ago");
        assertThat(m.ownerSentenceProperty().get())
                .isEqualTo("Vite dev server (node, pid 4121), started 2 minutes ago in ~/code/shop.");
        assertThat(backgroundWork.get()).as("re-worded from what is kept: no OS read, no background task")
                .isEqualTo(composed);

        int after = changes[0];
        clock.advanceSeconds(5);
        m.tick();
        assertThat(changes[0]).as("the same minute: no change, nothing repaints").isEqualTo(after);

        clock.advance(Duration.ofHours(2));
        m.tick();
        assertThat(m.ownerSentenceProperty().get()).contains("started 2 hours ago");
        assertThat(m.startedProperty().get()).isEqualTo("11:59:50, 2 hours ago");

        clock.advance(Duration.ofHours(12)); // the next day: the start time gets its date
        m.tick();
        assertThat(m.startedProperty().get()).isEqualTo("Mar 1, 11:59, 14 hours ago");
    }

    @Test
    void theWindowsPollsMoveTheAgesOn() {
        MutableClock clock = new MutableClock(NOW);
        dev.portside.ui.main.MainViewModel main = new dev.portside.ui.main.MainViewModel(ZoneOffset.UTC,
                new DetailServices(() -> KNOWLEDGE, new AddressExplainer(a -> Optional.empty()), p -> ProcessExtras.NONE,
                        OsFamily.LINUX, clock, ZoneOffset.UTC, BackgroundRunner.sameThread()),
                clock, (t, x) -> { }, BackgroundRunner.sameThread());
        ProcessInfo fresh = new ProcessInfo(4121, "node", "/usr/bin/node", "node /home/ada/code/shop/node_modules/.bin/vite",
                "ada", NOW.minusSeconds(10), 4000);
        ListeningSocket s = FakeScanner.tcp("127.0.0.1", 5173, 4121, "node");
        ListeningSocket socket = new ListeningSocket(s.protocol(), s.family(), s.address(), s.port(), List.of(fresh));
        main.onSnapshot(new Snapshot(clock.instant(), Duration.ofMillis(1), List.of(socket), "fake"));
        main.ports().selectedProperty().set(main.ports().rows().get(0));
        assertThat(main.detail().ownerSentenceProperty().get()).contains("started just now");
        clock.advance(Duration.ofMinutes(2));
        main.onSnapshot(new Snapshot(clock.instant(), Duration.ofMillis(1), List.of(socket), "fake"));
        assertThat(main.detail().ownerSentenceProperty().get()).contains("started 2 minutes ago");
        assertThat(main.detail().startedProperty().get()).endsWith("2 minutes ago");
    }

    @Test
    void aFailedLookUpSaysSoInWordsAndKeepsTheFacts() {
        DetailServices broken = new DetailServices(() -> {
            throw new IllegalStateException("the bundled IANA registry is missing");
        }, new AddressExplainer(a -> Optional.empty()), p -> ProcessExtras.NONE, OsFamily.LINUX,
                Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC, BackgroundRunner.sameThread());
        DetailViewModel m = new DetailViewModel(ports.selectedProperty(), broken);
        scan(vite("127.0.0.1", 5173));
        select(5173);
        assertThat(m.ownerSentenceProperty().get()).contains("could not explain").contains("registry is missing");
        assertThat(m.processProperty().get()).isEqualTo("node (pid 4121)");
        assertThat(m.loadingProperty().get()).isFalse();
    }

    @Test
    void udpSocketsGetUdpCommands() {
        DetailViewModel m = model(Runnable::run);
        scan(FakeScanner.udp("0.0.0.0", 5353, 44, "avahi-daemon"));
        select(5353);
        assertThat(m.commands()).extracting(c -> c.command()).contains("ss -lunp 'sport = :5353'");
        assertThat(m.ownerLabelProperty().get()).isEqualTo("Avahi (mDNS)");
        assertThat(ports.rows().get(0).protocol()).isEqualTo(Protocol.UDP);
    }
}
