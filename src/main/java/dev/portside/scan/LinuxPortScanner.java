package dev.portside.scan;

import dev.portside.core.IpAddress;
import dev.portside.core.IpFamily;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.Snapshot;
import dev.portside.core.SocketKey;
import dev.portside.core.SocketUser;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The Linux fast path: sockets from netlink {@code sock_diag} (or, where netlink is refused, from
 * /proc/net), owners from an inode cache ({@link SocketOwners}) and process details read once per
 * process ({@link ProcessTable}). A poll in which nothing changed builds no new socket objects: it
 * hands out the same {@link ListeningSocket} values as the poll before. A socket that appears while
 * rescans are rate-limited is left out until its owner has been looked up (at most
 * {@link #MIN_RESCAN_GAP} later, or ten times the last rescan's cost): shown earlier, it would read
 * as another user's socket, and a restarted server as a hidden holder of the port just freed.
 */
public final class LinuxPortScanner implements PortScanner {

    /** The shortest pause between two rescans for unknown sockets. */
    static final Duration MIN_RESCAN_GAP = Duration.ofMillis(500);
    /** How often known sockets are re-checked for new sharers (pre-fork workers). */
    static final Duration REFRESH = Duration.ofMinutes(5);

    /*
     * No lambdas or method references on the way through a one-shot scan: a command's first
     * lambda sets up the JVM's method-handle machinery (about 8 ms even from the archive), and
     * without an archive (java -jar) each one is spun at run time (docs/PERFORMANCE.md, step 27).
     */
    private static final Comparator<Built> BY_KEY = new Comparator<>() {
        @Override
        public int compare(Built a, Built b) {
            return a.key.compareTo(b.key);
        }
    };

    private final SocketSource source;
    private final ProcFs fs;
    private final ProcessTable processes;
    private final SocketOwners owners;
    private final InterfaceZones zones = new InterfaceZones();
    private final Clock clock;
    private SocketRows rows = new SocketRows();
    private SocketRows previous = new SocketRows();
    private final LongMap<Built> built = new LongMap<>(256);
    private Built[] order = new Built[256];
    private List<ListeningSocket> last = List.of();
    private long generation;

    LinuxPortScanner(SocketSource source, String procRoot, Clock clock, LongSupplier nanoClock, Duration minRescanGap,
            Duration refresh) {
        this(source, new ProcFs(procRoot), clock, nanoClock, minRescanGap, refresh);
    }

    LinuxPortScanner(SocketSource source, ProcFs fs, Clock clock, LongSupplier nanoClock, Duration minRescanGap,
            Duration refresh) {
        this.source = source;
        this.fs = fs;
        this.processes = new ProcessTable(fs);
        this.owners = new SocketOwners(fs, processes, nanoClock, minRescanGap.toNanos(), refresh.toNanos());
        this.clock = clock;
    }

    LinuxPortScanner(SocketSource source) {
        this(source, "/proc", Clock.systemUTC(), NanoClock.SYSTEM, MIN_RESCAN_GAP, REFRESH);
    }

    /**
     * The netlink scanner.
     *
     * @throws ScanException when netlink sock_diag is refused here
     */
    public static LinuxPortScanner netlink() {
        NetlinkSocketSource source = new NetlinkSocketSource();
        return new LinuxPortScanner(source);
    }

    /** The /proc/net scanner. */
    public static LinuxPortScanner procNet() {
        return new LinuxPortScanner(new ProcNetSocketSource("/proc"));
    }

    @Override
    public String name() {
        return source.name();
    }

    /**
     * Lists the sockets once without owners, to see that this source works here.
     *
     * @throws ScanException when it does not
     */
    void probe() {
        rows.clear();
        source.read(rows);
        if (rows.size == 0 && source instanceof ProcNetSocketSource
                && !new java.io.File(fs.root + "/net/tcp").canRead()) {
            throw new ScanException("cannot read " + fs.root + "/net/tcp");
        }
        rows.clear();
    }

    /** Full /proc/*&#47;fd rescans so far (tests check the cache with it). */
    public int rescans() {
        return owners.rescans();
    }

    /** fd links read so far (tests count them). */
    int linkReads() {
        return fs.linkReads;
    }

    /** Processes read in full so far. */
    public int processReads() {
        return processes.fullReads();
    }

    @Override
    public Snapshot scan() {
        long started = System.nanoTime();
        SocketRows swap = previous;
        previous = rows;
        rows = swap;
        rows.clear();
        source.read(rows);
        boolean sameRows = rows.sameAs(previous);
        boolean ownersUnchanged = owners.update(rows, sameRows);
        // Nothing changed: the last poll's list, without a lookup per socket.
        List<ListeningSocket> sockets = sameRows && ownersUnchanged && generation > 0 ? last : build();
        return new Snapshot(clock.instant(), Duration.ofNanos(System.nanoTime() - started), sockets, name());
    }

    private List<ListeningSocket> build() {
        long gen = ++generation;
        int n = rows.size;
        if (order.length < n) {
            order = new Built[Math.max(n, order.length * 2)];
        }
        boolean changed = false;
        int known = built.size();
        int seenAgain = 0;
        int shown = 0;
        for (int r = 0; r < n; r++) {
            long inode = rows.inode[r];
            if (owners.notLookedUp(inode)) {
                changed = true; // it shows up, with its owner, once a rescan has looked
                continue;
            }
            long cacheKey = inode != 0 ? inode : kernelSocketKey(r);
            Built b = built.get(cacheKey);
            if (b == null || !b.matches(rows, r)) {
                b = new Built(rows, r, zones, processes);
                built.put(cacheKey, b);
                changed = true;
            } else if (b.seen != gen) {
                seenAgain++;
            }
            int[] pids = inode != 0 ? owners.pids(inode) : SocketOwners.NONE;
            if (b.socket == null || b.pids != pids || !ownersCurrent(b)) {
                b.setOwners(pids, processes);
                changed = true;
            }
            b.seen = gen;
            order[shown++] = b;
        }
        int before = built.size();
        if (seenAgain < known) {
            built.retain(new LongMap.EntryFilter<>() { // some sockets closed
                @Override
                public boolean keep(long key, Built b) {
                    return b.seen == gen;
                }
            });
        }
        if (!changed && built.size() == before && shown == last.size()) {
            Arrays.fill(order, 0, shown, null);
            return last;
        }
        Arrays.sort(order, 0, shown, BY_KEY);
        List<ListeningSocket> result = new ArrayList<>(shown);
        int i = 0;
        while (i < shown) {
            int j = i + 1;
            while (j < shown && order[j].key.equals(order[i].key)) {
                j++;
            }
            result.add(j == i + 1 ? order[i].socket : merge(i, j));
            i = j;
        }
        Arrays.fill(order, 0, shown, null);
        last = result;
        return result;
    }

    /** Several sockets with one key (SO_REUSEPORT): one entry, every owner once, by pid. */
    private ListeningSocket merge(int from, int to) {
        List<ProcessInfo> all = new ArrayList<>();
        for (int k = from; k < to; k++) {
            for (ProcessInfo p : order[k].socket.owners()) {
                if (all.stream().noneMatch(q -> q.pid() == p.pid())) {
                    all.add(p);
                }
            }
        }
        all.sort(Comparator.comparingInt(ProcessInfo::pid));
        ListeningSocket first = order[from].socket;
        return new ListeningSocket(first.protocol(), first.family(), first.address(), first.port(), all, first.user());
    }

    private boolean ownersCurrent(Built b) {
        for (int k = 0; k < b.pids.length; k++) {
            ProcessInfo now = processes.cached(b.pids[k]);
            if (now != null ? now != b.infos[k] : !b.pidOnly[k]) {
                return false;
            }
        }
        return true;
    }

    private long kernelSocketKey(int r) {
        long h = 17;
        for (int k = 0, n = rows.addressLength(r); k < n; k++) {
            h = h * 31 + rows.address[r * 16 + k];
        }
        h = h * 31 + rows.ifindex[r];
        return Long.MIN_VALUE | ((h * 31 + rows.family[r]) << 18) | ((long) rows.protocol[r] << 17) | rows.port[r];
    }

    /** Frees the source's buffers and socket: only when no scan runs (one thread at a time). */
    @Override
    public void close() {
        source.close();
    }

    /** One socket of the listing with its built value, kept across polls by inode. */
    private static final class Built {
        final byte protocol;
        final byte family;
        final int port;
        final byte[] address = new byte[16];
        final int ifindex;
        final SocketKey key;
        final IpFamily ipFamily;
        final SocketUser user;
        int[] pids;
        ProcessInfo[] infos;
        boolean[] pidOnly;
        ListeningSocket socket;
        long seen;

        Built(SocketRows rows, int r, InterfaceZones zones, ProcessTable processes) {
            protocol = rows.protocol[r];
            family = rows.family[r];
            port = rows.port[r];
            ifindex = rows.ifindex[r];
            int length = rows.addressLength(r);
            System.arraycopy(rows.address, r * 16, address, 0, length);
            ipFamily = family == SocketRows.V4 ? IpFamily.IPV4 : IpFamily.IPV6;
            // netlink names the interface; /proc/net does not, but a link-local address says it
            String zone = ifindex != 0 ? zones.nameOf(ifindex) : length == 16 ? zones.ofLinkLocal(address, 0) : "";
            IpAddress ip = IpAddress.of(Arrays.copyOf(address, length), zone);
            key = new SocketKey(protocol == SocketRows.TCP ? Protocol.TCP : Protocol.UDP, ip, port);
            int uid = rows.uid[r];
            user = uid < 0 ? SocketUser.UNKNOWN : new SocketUser(uid, processes.userName(uid));
        }

        boolean matches(SocketRows rows, int r) {
            if (rows.protocol[r] != protocol || rows.family[r] != family || rows.port[r] != port
                    || rows.ifindex[r] != ifindex) {
                return false;
            }
            int len = rows.addressLength(r);
            return Arrays.equals(rows.address, r * 16, r * 16 + len, address, 0, len);
        }

        void setOwners(int[] ownerPids, ProcessTable processes) {
            pids = ownerPids;
            infos = new ProcessInfo[ownerPids.length];
            pidOnly = new boolean[ownerPids.length];
            List<ProcessInfo> list = new ArrayList<>(ownerPids.length);
            for (int k = 0; k < ownerPids.length; k++) {
                ProcessInfo info = processes.cached(ownerPids[k]);
                if (info == null) {
                    info = ProcessInfo.pidOnly(ownerPids[k]);
                    pidOnly[k] = true;
                }
                infos[k] = info;
                list.add(info);
            }
            socket = new ListeningSocket(key.protocol(), ipFamily, key.address(), port, list, user);
        }
    }
}
