package dev.portside.scan;

import dev.portside.core.IpAddress;
import dev.portside.core.IpFamily;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.SocketKey;
import dev.portside.core.Snapshot;
import dev.portside.platform.HostSystem;
import dev.portside.platform.OshiSocketMapping;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import oshi.SystemInfo;
import oshi.software.os.InternetProtocolStats;
import oshi.software.os.InternetProtocolStats.IPConnection;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * The portable scanner: OSHI's connection table (Linux, macOS, Windows) plus OSHI process details.
 * Process details are cached by pid and start time, so a long-lived owner is read once.
 */
public final class OshiPortScanner implements PortScanner {

    private final OperatingSystem os;
    private final Clock clock;
    private final OshiSocketMapping mapping;
    private final Map<Integer, ProcessInfo> processCache = new HashMap<>();
    private final InterfaceZones zones = new InterfaceZones();

    public OshiPortScanner() {
        this(new SystemInfo().getOperatingSystem(), Clock.systemUTC(), HostSystem.current().oshiMapping());
    }

    OshiPortScanner(OperatingSystem os, Clock clock, OshiSocketMapping mapping) {
        this.os = os;
        this.clock = clock;
        this.mapping = mapping;
    }

    @Override
    public String name() {
        return "oshi";
    }

    @Override
    public Snapshot scan() {
        long started = System.nanoTime();
        List<IPConnection> connections;
        try {
            InternetProtocolStats stats = os.getInternetProtocolStats();
            connections = stats.getConnections();
        } catch (RuntimeException | LinkageError e) {
            throw new ScanException("could not read the connection table: " + e.getMessage(), e);
        }

        // Group by key: several processes can hold one listening socket (SO_REUSEPORT, inherited fds).
        Map<SocketKey, Entry> byKey = new LinkedHashMap<>();
        for (IPConnection c : connections) {
            Entry candidate = toEntry(c);
            if (candidate != null) {
                Entry existing = byKey.putIfAbsent(candidate.key, candidate);
                if (existing != null) {
                    existing.pids.addAll(candidate.pids);
                }
            }
        }

        Map<Integer, ProcessInfo> processes = processDetails(byKey.values());
        List<ListeningSocket> sockets = new ArrayList<>(byKey.size());
        for (Entry e : byKey.values()) {
            List<ProcessInfo> owners = new ArrayList<>(e.pids.size());
            for (int pid : e.pids) {
                owners.add(processes.getOrDefault(pid, ProcessInfo.pidOnly(pid)));
            }
            sockets.add(new ListeningSocket(e.key.protocol(), e.family, e.key.address(), e.key.port(), owners));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new Snapshot(clock.instant(), took, sockets, name());
    }

    /**
     * A listening TCP socket or a bound UDP socket, else null. What that looks like in OSHI's table
     * differs per system (UDP is CLOSED on Linux, NONE on Windows and macOS): the mapping knows.
     */
    private Entry toEntry(IPConnection c) {
        if (!mapping.isListening(c)) {
            return null;
        }
        String type = c.getType();
        Protocol protocol = type.startsWith("tcp") ? Protocol.TCP : Protocol.UDP;
        byte[] local = c.getLocalAddress();
        IpFamily family = type.endsWith("6") ? IpFamily.IPV6 : IpFamily.IPV4;
        IpAddress address;
        if (local == null || local.length == 0) {
            address = family == IpFamily.IPV6 ? IpAddress.IPV6_ANY : IpAddress.IPV4_ANY;
        } else {
            // OSHI does not say which interface a socket is bound to; a link-local address tells
            String zone = local.length == 16 ? zones.ofLinkLocal(local, 0) : "";
            address = IpAddress.of(local, zone);
        }
        Entry e = new Entry(new SocketKey(protocol, address, c.getLocalPort()), family);
        OptionalInt owner = mapping.owner(c); // empty: hidden (another user's process)
        owner.ifPresent(e.pids::add);
        return e;
    }

    private Map<Integer, ProcessInfo> processDetails(Iterable<Entry> entries) {
        Set<Integer> pids = new TreeSet<>();
        for (Entry e : entries) {
            pids.addAll(e.pids);
        }
        Map<Integer, ProcessInfo> result = new HashMap<>();
        if (pids.isEmpty()) {
            processCache.clear();
            return result;
        }
        for (OSProcess p : os.getProcesses(pids)) {
            Instant start = p.getStartTime() > 0 ? Instant.ofEpochMilli(p.getStartTime()) : null;
            ProcessInfo cached = processCache.get(p.getProcessID());
            if (cached == null || !sameStart(cached.startTime(), start)) {
                cached = new ProcessInfo(p.getProcessID(), p.getName(), p.getPath(), p.getCommandLine(),
                        p.getUser(), start, p.getParentProcessID());
                processCache.put(p.getProcessID(), cached);
            }
            result.put(p.getProcessID(), cached);
        }
        processCache.keySet().retainAll(pids);
        return result;
    }

    /** OSHI derives start times from boot time and clock ticks; allow a little jitter. */
    private static boolean sameStart(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Math.abs(Duration.between(a, b).toMillis()) < 1000;
    }

    private static final class Entry {
        final SocketKey key;
        final IpFamily family;
        final Set<Integer> pids = new TreeSet<>();

        Entry(SocketKey key, IpFamily family) {
            this.key = key;
            this.family = family;
        }
    }
}
