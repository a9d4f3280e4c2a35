package dev.portside.testing;

import dev.portside.core.IpAddress;
import dev.portside.core.IpFamily;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.Snapshot;
import dev.portside.scan.PortScanner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A scanner whose answer the test sets: for view-model and UI tests, where the OS is not the point. */
public final class FakeScanner implements PortScanner {

    private final AtomicReference<List<ListeningSocket>> sockets = new AtomicReference<>(List.of());
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicInteger scans = new AtomicInteger();
    private final List<Runnable> onScan = new CopyOnWriteArrayList<>();
    private final AtomicInteger closes = new AtomicInteger();

    public void set(List<ListeningSocket> now) {
        sockets.set(List.copyOf(now));
        failure.set(null);
    }

    public void set(ListeningSocket... now) {
        set(List.of(now));
    }

    /** The next scans throw this until {@link #set} is called. */
    public void failWith(RuntimeException e) {
        failure.set(e);
    }

    public int scanCount() {
        return scans.get();
    }

    public void onScan(Runnable r) {
        onScan.add(r);
    }

    @Override
    public Snapshot scan() {
        scans.incrementAndGet();
        onScan.forEach(Runnable::run);
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
        return new Snapshot(Instant.now(), Duration.ofMillis(1), sockets.get(), name());
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }

    /** How often {@link #close()} was called. */
    public int closeCount() {
        return closes.get();
    }

    /** A TCP socket on an address and port, owned by a made-up process (pid 0 or less: hidden owner). */
    public static ListeningSocket tcp(String address, int port, int pid, String process) {
        return socket(Protocol.TCP, address, port, pid, process);
    }

    public static ListeningSocket udp(String address, int port, int pid, String process) {
        return socket(Protocol.UDP, address, port, pid, process);
    }

    public static ListeningSocket socket(Protocol protocol, String address, int port, int pid, String process) {
        IpAddress ip = IpAddress.parse(address);
        List<ProcessInfo> owners = pid > 0
                ? List.of(new ProcessInfo(pid, process, "/usr/bin/" + process, process + " --serve", "dev",
                        Instant.parse("2026-01-01T10:00:00Z"), 1))
                : List.of();
        return new ListeningSocket(protocol, ip.family(), ip, port, owners);
    }
}
