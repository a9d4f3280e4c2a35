package dev.portside.ui.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.Snapshot;
import dev.portside.platform.FreedesktopNotifications;
import dev.portside.scan.PortScanner;
import dev.portside.scan.Scanners;
import dev.portside.testing.ChildJvm;
import dev.portside.testing.SessionBus;
import dev.portside.testing.StandInNotifications;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A pinned port that opens and closes, with a real listener in another process, reaches the
 * desktop's notification service on a real session bus (a private dbus-daemon and a stand-in
 * service that records the calls), not the window's pop-up.
 */
class WatchListSystemNotificationsTest {

    @Test
    void aPinnedPortOpeningAndClosingReachesTheNotificationServiceWithThePortAndItsOwner() throws Exception {
        List<String> inWindow = new CopyOnWriteArrayList<>();
        ExecutorService notifyThread = Executors.newSingleThreadExecutor();
        try (SessionBus bus = SessionBus.start();
                StandInNotifications service = new StandInNotifications(bus.address(), List.of("body"));
                FreedesktopNotifications centre = new FreedesktopNotifications(Optional.of(bus.address()));
                PortScanner scanner = Scanners.best()) {
            SystemNotifier notifier = new SystemNotifier(centre, (t, b) -> inWindow.add(t + ": " + b), () -> false,
                    notifyThread, Runnable::run);
            WatchListViewModel watch = new WatchListViewModel(notifier);
            int port = freePort();
            watch.pin(port);
            watch.onSnapshot(scanner.scan()); // the starting point: nothing listens

            StandInNotifications.Call opened;
            long pid;
            try (ChildJvm child = ChildJvm.start("tcp:" + port)) {
                pid = child.pid();
                watch.onSnapshot(scanUntil(scanner, s -> !s.onPort(port).isEmpty()));
                opened = service.next();
            }
            watch.onSnapshot(scanUntil(scanner, s -> s.onPort(port).isEmpty()));
            StandInNotifications.Call closed = service.next();

            assertThat(opened).as("a notification for the opened port").isNotNull();
            assertThat(opened.summary()).contains(String.valueOf(port)).contains("open");
            assertThat(opened.body()).contains("java").contains("pid " + pid).contains("127.0.0.1").contains(":" + port);
            assertThat(closed).as("a notification for the closed port").isNotNull();
            assertThat(closed.summary()).contains(String.valueOf(port)).contains("closed");
            assertThat(closed.body()).contains("java").contains("pid " + pid);
            assertThat(inWindow).as("the window's pop-up is only the fallback").isEmpty();
        } finally {
            notifyThread.shutdownNow();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Scans until the snapshot shows what the child process did (it already did it when this is
     * called), for at most 10 s: a new socket shows once the scanner has looked up its owner, which
     * its rate limit may put off by half a second.
     */
    private static Snapshot scanUntil(PortScanner scanner, Predicate<Snapshot> done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Snapshot s = scanner.scan();
        while (!done.test(s) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // between polls, like the window's
            s = scanner.scan();
        }
        assertThat(done.test(s)).as("the scanner saw the change").isTrue();
        return s;
    }
}
