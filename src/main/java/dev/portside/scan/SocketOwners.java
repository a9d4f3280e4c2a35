package dev.portside.scan;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Which processes hold each socket inode. The expensive part of finding owners is reading every fd
 * link of every process; this cache does it only when a socket appears whose inode it does not know
 * (and, to notice new sharers of known sockets, at most once per refresh period, and no more often
 * than 1,000 times its own duration). Inodes that a
 * rescan could not attribute (another user's or another namespace's process) are remembered as
 * hidden, so they never cause another rescan. Rescans are rate-limited under churn: after a rescan
 * that took T, the next waits at least max(minimum gap, 10 T); a zero minimum gap turns this off.
 */
final class SocketOwners {

    static final int[] NONE = new int[0];

    static final class Owner {
        int[] pids;
        /** True when a rescan looked and found nobody: the negative cache. */
        boolean hidden;
        long seen;

        Owner(int[] pids, boolean hidden) {
            this.pids = pids;
            this.hidden = hidden;
        }
    }

    private final ProcFs fs;
    private final ProcessTable processes;
    private final LongSupplier nanoClock;
    private final long minGapNanos;
    private final long refreshNanos;
    private final LongMap<Owner> byInode = new LongMap<>(256);
    private final List<Integer> dropped = new ArrayList<>();
    private final LongMap<Boolean> livePids = new LongMap<>();
    private long generation;
    private long lastRescanAt;
    private long lastRescanCost;
    private boolean everRescanned;
    private int rescans;
    private int lastUnknown = -1;

    SocketOwners(ProcFs fs, ProcessTable processes, LongSupplier nanoClock, long minGapNanos, long refreshNanos) {
        this.fs = fs;
        this.processes = processes;
        this.nanoClock = nanoClock;
        this.minGapNanos = minGapNanos;
        this.refreshNanos = refreshNanos;
    }

    /** How many full /proc/*&#47;fd rescans ran so far. */
    int rescans() {
        return rescans;
    }

    /** The owner pids of an inode (sorted), or {@link #NONE}. The array is replaced, never changed. */
    int[] pids(long inode) {
        Owner o = byInode.get(inode);
        return o == null ? NONE : o.pids;
    }

    /**
     * True for a socket no rescan has looked at yet: it appeared while rescans were held back by the
     * rate limit. Its owner is not known to be hidden, only not looked up, so the scanner leaves the
     * socket out until the next rescan (at most the gap later) rather than show it as another user's.
     */
    boolean notLookedUp(long inode) {
        return inode != 0 && byInode.get(inode) == null;
    }

    /** True when a rescan found no process holding this inode. */
    boolean hidden(long inode) {
        Owner o = byInode.get(inode);
        return o != null && o.hidden;
    }

    /**
     * Brings the cache in line with the sockets of this poll.
     *
     * @param sameRows the listing is exactly the last poll's
     * @return true when no owner changed since the last poll (then nothing needs rebuilding)
     */
    boolean update(SocketRows rows, boolean sameRows) {
        long gen = ++generation;
        // 1. processes that ended or whose pid was reused lose their sockets
        dropped.clear();
        boolean processesChanged = processes.validate(dropped);
        if (sameRows && !processesChanged && lastUnknown == 0) {
            // the usual poll: the same sockets as last time, every owner known or known to be hidden
            if (refreshDue()) {
                rescan(rows, gen);
                return false;
            }
            return true;
        }
        if (!dropped.isEmpty()) {
            byInode.forEach(new LongMap.EntryVisitor<>() {
                @Override
                public void visit(long inode, Owner o) {
                    for (int pid : dropped) {
                        if (Arrays.binarySearch(o.pids, pid) >= 0) {
                            o.pids = Arrays.stream(o.pids).filter(p -> !dropped.contains(p)).toArray();
                            break;
                        }
                    }
                }
            });
        }
        // 2. which inodes are new (or lost all their owners)?
        int unknown = 0;
        int known = byInode.size();
        int seenAgain = 0;
        for (int r = 0; r < rows.size; r++) {
            long inode = rows.inode[r];
            if (inode == 0) {
                continue; // a kernel socket: no process holds it
            }
            Owner o = byInode.get(inode);
            if (o == null || (o.pids.length == 0 && !o.hidden)) {
                unknown++;
            }
            if (o != null && o.seen != gen) {
                o.seen = gen;
                seenAgain++;
            }
        }
        // 3. closed sockets leave the cache (when every known inode was seen again, none closed)
        if (seenAgain < known) {
            byInode.retain(new LongMap.EntryFilter<>() {
                @Override
                public boolean keep(long inode, Owner o) {
                    return o.seen == gen;
                }
            });
        }
        // 4. rescan when needed and allowed
        long sinceLast = nanoClock.getAsLong() - lastRescanAt;
        boolean allowed = !everRescanned || minGapNanos == 0
                || sinceLast >= Math.max(minGapNanos, 10 * lastRescanCost);
        if ((unknown > 0 && allowed) || refreshDue()) {
            rescan(rows, gen);
            unknown = 0;
        } else if (!dropped.isEmpty()) {
            retainLivePids();
        }
        lastUnknown = unknown;
        return false;
    }

    /** The periodic look for new sharers, at most 0.1 % of the time (a server with 10,000 fds). */
    private boolean refreshDue() {
        long sinceLast = nanoClock.getAsLong() - lastRescanAt;
        return everRescanned && !byInode.isEmpty() && sinceLast >= Math.max(refreshNanos, 1000 * lastRescanCost);
    }

    private void rescan(SocketRows rows, long gen) {
        long started = nanoClock.getAsLong();
        rescans++;
        everRescanned = true;
        LongMap<int[]> found = new LongMap<>(rows.size);
        for (int r = 0; r < rows.size; r++) {
            if (rows.inode[r] != 0) {
                found.put(rows.inode[r], NONE);
            }
        }
        boolean nativeLinks = fs.readsLinksNatively();
        String[] entries = new File(fs.root).list();
        if (entries != null) {
            for (String name : entries) {
                if (name.isEmpty() || name.charAt(0) < '1' || name.charAt(0) > '9') {
                    continue;
                }
                int pid;
                try {
                    pid = Integer.parseInt(name);
                } catch (NumberFormatException e) {
                    continue;
                }
                String fdDir = fs.root + "/" + name + "/fd";
                String[] fds = new File(fdDir).list();
                if (fds == null) {
                    continue; // gone, or not ours to read
                }
                String prefix = fdDir + "/";
                Path folder = nativeLinks ? null : Path.of(fdDir);
                for (String fd : fds) {
                    long inode = folder == null ? fs.socketInode(prefix + fd) : fs.socketInode(folder, fd);
                    if (inode == ProcFs.DENIED) {
                        break; // so is every fd link of this process
                    }
                    if (inode > 0) {
                        int[] pids = found.get(inode);
                        if (pids != null && (pids.length == 0 || pids[pids.length - 1] != pid)) {
                            int[] more = Arrays.copyOf(pids, pids.length + 1);
                            more[pids.length] = pid;
                            found.put(inode, more);
                        }
                    }
                }
            }
        }
        found.forEach(new LongMap.EntryVisitor<>() {
            @Override
            public void visit(long inode, int[] pids) {
                Arrays.sort(pids);
                Owner o = byInode.get(inode);
                if (o == null) {
                    o = new Owner(pids, pids.length == 0);
                    byInode.put(inode, o);
                } else if (!Arrays.equals(o.pids, pids)) {
                    o.pids = pids;
                    o.hidden = pids.length == 0;
                } else {
                    o.hidden = pids.length == 0;
                }
                o.seen = gen;
                for (int pid : pids) {
                    processes.info(pid); // new pids are read in full once
                }
            }
        });
        retainLivePids();
        lastRescanAt = nanoClock.getAsLong();
        lastRescanCost = lastRescanAt - started;
    }

    private void retainLivePids() {
        livePids.clear();
        byInode.forEach(new LongMap.EntryVisitor<>() {
            @Override
            public void visit(long inode, Owner o) {
                for (int pid : o.pids) {
                    livePids.put(pid, Boolean.TRUE);
                }
            }
        });
        processes.retain(livePids);
    }
}
