package dev.portside.scan;

import dev.portside.core.ProcessInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Details of the processes that own sockets, by pid. A new pid is read in full once (name, parent,
 * start time, command line, executable, user); afterwards each poll only re-reads /proc/PID/stat to
 * notice that the process ended, that the pid now belongs to a new process (another start time), or
 * that it was renamed (exec).
 */
final class ProcessTable {

    /** What we keep per pid: the start time in clock ticks identifies the process. */
    static final class Proc {
        final int pid;
        final long startTicks;
        final byte[] comm;
        final ProcessInfo info;

        Proc(int pid, long startTicks, byte[] comm, ProcessInfo info) {
            this.pid = pid;
            this.startTicks = startTicks;
            this.comm = comm;
            this.info = info;
        }
    }

    private final ProcFs fs;
    private final LongMap<Proc> byPid = new LongMap<>();
    private final Map<Integer, String> users = new HashMap<>();
    private final List<Integer> renamed = new ArrayList<>();
    private Map<Integer, String> passwd;
    private long bootMillis = -2;
    private int fullReads;

    // results of the last parseStat()
    private int commStart;
    private int commEnd;
    private long parsedStart;
    private int parsedParent;

    ProcessTable(ProcFs fs) {
        this.fs = fs;
    }

    /** The process with this pid, read in full the first time; null when it cannot be read. */
    ProcessInfo info(int pid) {
        Proc p = byPid.get(pid);
        if (p == null) {
            p = load(pid);
            if (p == null) {
                return null;
            }
            byPid.put(pid, p);
        }
        return p.info;
    }

    /** The cached details, without reading anything. */
    ProcessInfo cached(int pid) {
        Proc p = byPid.get(pid);
        return p == null ? null : p.info;
    }

    int size() {
        return byPid.size();
    }

    /** How many times a process was read in full (tests count them). */
    int fullReads() {
        return fullReads;
    }

    /**
     * Checks every cached pid; drops those that ended or were reused and reloads renamed ones.
     *
     * @param dropped receives the pids that no longer name the process we knew
     * @return true when a process was dropped or reloaded
     */
    boolean validate(List<Integer> dropped) {
        renamed.clear();
        int droppedBefore = dropped.size();
        byPid.retain(new LongMap.EntryFilter<>() {
            @Override
            public boolean keep(long pid, Proc p) {
                if (!fs.read(fs.root + "/" + pid + "/stat") || !parseStat() || parsedStart != p.startTicks) {
                    dropped.add((int) pid);
                    return false;
                }
                if (!sameComm(p.comm)) {
                    renamed.add((int) pid);
                }
                return true;
            }
        });
        if (!renamed.isEmpty()) {
            for (int pid : renamed) {
                Proc fresh = load(pid);
                if (fresh == null) {
                    byPid.remove(pid);
                    dropped.add(pid);
                } else {
                    byPid.put(pid, fresh);
                }
            }
        }
        return dropped.size() > droppedBefore || !renamed.isEmpty();
    }

    /** Forgets pids that own no socket any more. */
    void retain(LongMap<?> pids) {
        byPid.retain(new LongMap.EntryFilter<>() {
            @Override
            public boolean keep(long pid, Proc p) {
                return pids.containsKey(pid);
            }
        });
    }

    private Proc load(int pid) {
        String base = fs.root + "/" + pid;
        if (!fs.read(base + "/stat") || !parseStat()) {
            return null;
        }
        fullReads++;
        byte[] comm = java.util.Arrays.copyOfRange(fs.buffer, commStart, commEnd);
        long startTicks = parsedStart;
        int parent = parsedParent;
        String name = new String(comm, StandardCharsets.UTF_8);
        String commandLine = "";
        if (fs.read(base + "/cmdline")) {
            int end = fs.length;
            while (end > 0 && fs.buffer[end - 1] == 0) {
                end--;
            }
            for (int i = 0; i < end; i++) {
                if (fs.buffer[i] == 0) {
                    fs.buffer[i] = ' ';
                }
            }
            commandLine = new String(fs.buffer, 0, end, StandardCharsets.UTF_8);
        }
        String path = fs.readLink(base + "/exe");
        if (path.endsWith(" (deleted)")) {
            path = path.substring(0, path.length() - " (deleted)".length());
        }
        String user = "";
        if (fs.read(base + "/status")) {
            String status = fs.text();
            int i = status.indexOf("\nUid:");
            if (i >= 0) {
                int s = i + 5;
                while (s < status.length() && Character.isWhitespace(status.charAt(s))) {
                    s++;
                }
                int e = s;
                while (e < status.length() && Character.isDigit(status.charAt(e))) {
                    e++;
                }
                if (e > s) {
                    user = userName(Integer.parseInt(status.substring(s, e)));
                }
            }
        }
        long boot = bootMillis();
        Instant start = boot < 0 ? null : Instant.ofEpochMilli(boot + startTicks * 1000L / fs.clockTicks);
        return new Proc(pid, startTicks, comm, new ProcessInfo(pid, name, path, commandLine, user, start, parent));
    }

    private long bootMillis() {
        if (bootMillis == -2) {
            bootMillis = fs.bootMillis();
        }
        return bootMillis;
    }

    /** Parses "pid (comm) state ppid … starttime …" in the buffer. */
    private boolean parseStat() {
        byte[] b = fs.buffer;
        int n = fs.length;
        int open = -1;
        for (int i = 0; i < n; i++) {
            if (b[i] == '(') {
                open = i;
                break;
            }
        }
        int close = -1;
        for (int i = n - 1; i > open; i--) {
            if (b[i] == ')') {
                close = i;
                break;
            }
        }
        if (open < 0 || close < 0) {
            return false;
        }
        commStart = open + 1;
        commEnd = close;
        // fields after ") ": 0 state, 1 ppid, ... 19 starttime
        int field = 0;
        int i = close + 2;
        long value = 0;
        parsedParent = 0;
        parsedStart = -1;
        while (i <= n) {
            byte c = i < n ? b[i] : (byte) ' ';
            if (c == ' ' || c == '\n') {
                if (field == 1) {
                    parsedParent = (int) value;
                } else if (field == 19) {
                    parsedStart = value;
                    return true;
                }
                field++;
                value = 0;
            } else if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
            }
            i++;
        }
        return false;
    }

    private boolean sameComm(byte[] comm) {
        if (commEnd - commStart != comm.length) {
            return false;
        }
        for (int i = 0; i < comm.length; i++) {
            if (fs.buffer[commStart + i] != comm[i]) {
                return false;
            }
        }
        return true;
    }

    /** The account name of a uid from /etc/passwd (read once), or the uid as digits. */
    String userName(int uid) {
        String known = users.get(uid);
        if (known != null) {
            return known;
        }
        if (passwd == null) {
            passwd = new HashMap<>();
            if (fs.read("/etc/passwd")) {
                for (String line : fs.text().split("\n")) {
                    String[] parts = line.split(":", 4);
                    if (parts.length >= 3) {
                        try {
                            passwd.putIfAbsent(Integer.parseInt(parts[2]), parts[0]);
                        } catch (NumberFormatException ignored) {
                            // a comment or a broken line
                        }
                    }
                }
            }
        }
        String name = passwd.getOrDefault(uid, Integer.toString(uid));
        users.put(uid, name);
        return name;
    }
}
