package dev.portside.owner;

import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the {@link OwnerFacts} of a socket: reads the owner's cgroup (its service unit, its
 * container) and working folder (its project) once per process, remembered by pid and start time,
 * and asks the container engines (through {@link ContainerDirectory}, which keeps their answer for
 * a moment) only for sockets that look like a container's: owned by a port forwarder such as
 * {@code docker-proxy}, by a process inside a container, or hidden. Reads files and sockets: call it
 * off the FX thread. Safe to share between threads.
 */
public final class OwnerFinder {

    /** Processes that hold a port on a container's behalf. */
    static final Set<String> FORWARDERS = Set.of("docker-proxy", "rootlessport", "rootlesskit", "conmon",
            "slirp4netns", "pasta", "pasta.avx2", "gvproxy", "vpnkit-bridge", "com.docker.backend");
    private static final int MAX_PROCESSES = 4096;

    /** What one process's cgroup and folder say, read once per pid and start time. */
    private record ProcessFacts(Cgroups.Facts cgroup, String workingDirectory, Project project) {
    }

    private final String procRoot;
    private final ContainerDirectory containers;
    private final Map<String, ProcessFacts> byProcess = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ProcessFacts> eldest) {
            return size() > MAX_PROCESSES;
        }
    };
    private int processReads;

    public OwnerFinder(String procRoot, ContainerDirectory containers) {
        this.procRoot = procRoot;
        this.containers = containers;
    }

    /** This computer's /proc and container engines. */
    public static OwnerFinder system() {
        return new OwnerFinder("/proc", ContainerDirectory.system());
    }

    /** A finder that reads nothing and asks no engine: every socket's facts are empty (tests, other systems). */
    public static OwnerFinder none() {
        return new OwnerFinder("/nonexistent-proc", new ContainerDirectory(ContainerEngines.of()));
    }

    public ContainerDirectory containers() {
        return containers;
    }

    /** How many processes were read so far (tests check the cache with it). */
    public synchronized int processReads() {
        return processReads;
    }

    /** The facts of a socket's owner. Never throws: what cannot be read is missing. */
    public OwnerFacts find(ListeningSocket socket) {
        Optional<ProcessInfo> owner = socket.owner();
        // no lambdas on a command's way (docs/PERFORMANCE.md, step 27)
        ProcessFacts process = owner.isPresent() ? processFacts(owner.get()) : null;
        Cgroups.Facts cgroup = process == null ? Cgroups.Facts.NONE : process.cgroup();
        boolean forwarder = owner.isPresent() && isForwarderName(owner.get());
        boolean ask = forwarder || cgroup.inContainer()
                || (owner.isEmpty() && !containers.engines().isEmpty()); // hidden: maybe a container's port
        Container container = null;
        PublishedPort published = null;
        EngineProblem problem = null;
        if (ask) {
            long asked = containers.asks();
            ContainerDirectory.Listing listing = containers.listing();
            Match match = listing.answered() ? match(listing, socket, cgroup) : Match.NONE;
            boolean kept = containers.asks() == asked;
            if (kept && listing.answered() && match.container() == null && (forwarder || cgroup.inContainer())) {
                // A kept list may be from before this container started (it is kept for a few
                // seconds): a forwarder or a container's process whose container is not on it
                // asks the engines once more, or its row would stay unnamed.
                containers.invalidate();
                listing = containers.listing();
                match = listing.answered() ? match(listing, socket, cgroup) : Match.NONE;
            }
            container = match.container();
            published = match.published();
            if (listing.answered()) {
                if (container == null && (forwarder || cgroup.inContainer())) {
                    problem = new EngineProblem(EngineProblem.Kind.NOT_FOUND,
                            containers.engines().engines().isEmpty() ? "" : containers.engines().engines().get(0).socket(),
                            "");
                }
            } else if (forwarder || cgroup.inContainer()
                    || listing.problem().kind() == EngineProblem.Kind.PERMISSION_DENIED) {
                // A hidden socket may be a container's: worth saying only when the user could fix it.
                problem = listing.problem();
            }
        }
        ServiceUnit unit = forwarder ? null : cgroup.unit(); // docker-proxy runs in docker.service: not what to stop
        return new OwnerFacts(container, published, problem, unit,
                process == null ? null : process.project(), process == null ? "" : process.workingDirectory(),
                cgroup.containerId());
    }

    /**
     * True when describing this socket will ask the container engines, as far as the socket alone
     * tells (a forwarder's or a hidden socket, with an engine on this computer); a container's own
     * process is known only from its cgroup, read when it is described.
     */
    public boolean mayAskEngines(ListeningSocket socket) {
        if (containers.engines().isEmpty()) {
            return false;
        }
        Optional<ProcessInfo> owner = socket.owner();
        return owner.isEmpty() || isForwarderName(owner.get());
    }

    private record Match(Container container, PublishedPort published) {
        static final Match NONE = new Match(null, null);
    }

    /** The container on the list that this socket belongs to: by the process's cgroup, or the port it publishes. */
    private static Match match(ContainerDirectory.Listing listing, ListeningSocket socket, Cgroups.Facts cgroup) {
        Container container = null;
        for (Container c : listing.containers()) {
            if (cgroup.inContainer() && c.hasId(cgroup.containerId())) {
                container = c;
            }
            PublishedPort p = publishing(c, socket);
            if (p != null && (container == null || container == c)) {
                return new Match(c, p);
            }
        }
        return new Match(container, null);
    }

    /** True for a process that holds a port on a container's behalf ({@code docker-proxy}, rootlessport, …). */
    public static boolean isForwarderName(ProcessInfo p) {
        return isForwarder(p.displayName()) || p.path().endsWith("/docker-proxy");
    }

    /** True for the short name of such a forwarder ("docker-proxy"). */
    public static boolean isForwarder(String processName) {
        return FORWARDERS.contains(processName);
    }

    /** The mapping of {@code c} that a socket on this protocol, address and port carries, or null. */
    static PublishedPort publishing(Container c, ListeningSocket s) {
        PublishedPort close = null;
        for (PublishedPort p : c.ports()) {
            if (p.hostPort() != s.port() || !p.protocol().equalsIgnoreCase(s.protocol().id())) {
                continue;
            }
            int match = addressMatch(p.hostIp(), s.address());
            if (match == 2) {
                return p;
            }
            if (match == 1 && close == null) {
                close = p;
            }
        }
        return close;
    }

    /** 2: the same address; 1: compatible (both wildcards, as Docker may list 0.0.0.0 only, or unknown); 0: another. */
    private static int addressMatch(String hostIp, IpAddress address) {
        if (hostIp.isEmpty()) {
            return 1;
        }
        IpAddress published;
        try {
            published = IpAddress.parse(hostIp);
        } catch (RuntimeException e) {
            return 1; // an address we cannot read: the port decides
        }
        IpAddress mine = address.unmapped();
        if (published.equals(mine)) {
            return 2;
        }
        return published.isWildcard() && mine.isWildcard() ? 1 : 0;
    }

    private ProcessFacts processFacts(ProcessInfo p) {
        String key = p.pid() + "@" + (p.startTime() == null ? "?" : p.startTime().toEpochMilli());
        synchronized (this) {
            ProcessFacts known = byProcess.get(key);
            if (known != null) {
                return known;
            }
        }
        Path base = Path.of(procRoot, Integer.toString(p.pid()));
        Cgroups.Facts cgroup = Cgroups.parse(read(base.resolve("cgroup")));
        String cwd = link(base.resolve("cwd"));
        Project project = isForwarderName(p) ? null : ProjectFinder.find(cwd, p.displayName()).orElse(null);
        ProcessFacts facts = new ProcessFacts(cgroup, cwd, project);
        synchronized (this) {
            processReads++;
            if (p.startTime() != null) {
                byProcess.put(key, facts); // without a start time a pid is no identity: read again next time
            }
        }
        return facts;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return ""; // not Linux, or the process ended
        }
    }

    private static String link(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | RuntimeException e) {
            return ""; // another user's process, or it just ended
        }
    }
}
