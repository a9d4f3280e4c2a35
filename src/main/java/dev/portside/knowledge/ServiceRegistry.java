package dev.portside.knowledge;

import dev.portside.core.BundledFiles;
import dev.portside.core.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IANA's Service Name and Transport Protocol Port Number Registry (TCP and UDP), bundled as
 * {@code iana-services.tsv} next to this class (see the README there for source and licence).
 *
 * <p>Only the lines asked for are parsed. The bundled file is sorted by port (tools/gen-iana-services.py
 * writes it so; {@code ServiceRegistryTest} checks every port against the index below): a lookup
 * binary-searches its bytes for the port's first line and reads its few lines, so loading it costs
 * the read of the file and nothing else. Building a map of all 11,000 services took 60-100 ms of a
 * command that looks up one port, and even an index of its lines (one pass over its 264 KB in the
 * interpreter) 15-25 ms of CPU (docs/PERFORMANCE.md, "Start-up of a command"). A registry read
 * with {@link #parse} may be in any order: it gets the index (per data line, its port and where it
 * starts, sorted by port) at once. When a port has several lines for one protocol, the last one counts.
 */
public final class ServiceRegistry {

    static final String RESOURCE = "iana-services.tsv";

    private final byte[] data;
    /** True when the data lines are known to be in port order: looked up by binary search in the bytes. */
    private final boolean sorted;
    /** The index: per data line, sorted by port (then by their order in the file), port and start; built when needed. */
    private int[] ports;
    private int[] starts;
    private final Map<Long, Optional<IanaService>> parsed = new ConcurrentHashMap<>();

    private ServiceRegistry(byte[] data, boolean sorted) {
        this.data = data;
        this.sorted = sorted;
        if (!sorted) {
            index();
        }
    }

    /** The index of the data lines by port, built on first use. */
    private synchronized void index() {
        if (ports != null) {
            return;
        }
        int lines = 0;
        for (byte b : data) {
            if (b == '\n') {
                lines++;
            }
        }
        int[] p = new int[lines + 1];
        int[] at = new int[lines + 1];
        int n = 0;
        boolean inOrder = true;
        int i = 0;
        while (i < data.length) {
            int lineStart = i;
            int port = portAt(i);
            if (port >= 0) {
                inOrder &= n == 0 || p[n - 1] <= port;
                p[n] = port;
                at[n] = lineStart;
                n++;
            }
            i = nextLine(i);
        }
        if (!inOrder) { // by port, keeping the file's order within a port
            long[] keys = new long[n];
            for (int k = 0; k < n; k++) {
                keys[k] = ((long) p[k] << 32) | k;
            }
            Arrays.sort(keys);
            int[] p2 = new int[n];
            int[] at2 = new int[n];
            for (int k = 0; k < n; k++) {
                int from = (int) keys[k];
                p2[k] = p[from];
                at2[k] = at[from];
            }
            p = p2;
            at = at2;
        }
        this.starts = Arrays.copyOf(at, n);
        this.ports = Arrays.copyOf(p, n);
    }

    /** The port of a data line starting at {@code i} (digits, then a tab), or -1 for any other line. */
    private int portAt(int i) {
        int port = 0;
        int digits = 0;
        while (i < data.length && data[i] >= '0' && data[i] <= '9' && digits < 6) {
            port = port * 10 + (data[i] - '0');
            digits++;
            i++;
        }
        return digits > 0 && i < data.length && data[i] == '\t' ? port : -1;
    }

    /** Where the line after the one that contains {@code i} starts (the end of the data after the last). */
    private int nextLine(int i) {
        while (i < data.length && data[i] != '\n') {
            i++;
        }
        return Math.min(i + 1, data.length);
    }

    /** The start of the first data line that starts at or after {@code i}, or the end of the data. */
    private int dataLineFrom(int i) {
        if (i > 0 && data[i - 1] != '\n') {
            i = nextLine(i);
        }
        while (i < data.length && portAt(i) < 0) {
            i = nextLine(i);
        }
        return i;
    }

    /** Reads a registry in the bundled format (port, protocols, name, description; '#' comments). */
    public static ServiceRegistry parse(Reader source) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        int n;
        while ((n = source.read(buffer)) > 0) {
            text.append(buffer, 0, n);
        }
        return new ServiceRegistry(text.toString().getBytes(StandardCharsets.UTF_8), false);
    }

    /** Reads the bundled registry now, on the calling thread. */
    public static ServiceRegistry loadBundled() {
        try (InputStream in = BundledFiles.open(ServiceRegistry.class, RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled IANA registry " + RESOURCE + " is missing");
            }
            return new ServiceRegistry(in.readAllBytes(), true); // sorted: the generator writes it so
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled registry, read once on first use. Blocks the first caller: not for the FX thread. */
    public static ServiceRegistry shared() {
        return Holder.INSTANCE;
    }


    /** The service IANA assigned to a port and protocol, if any. */
    public Optional<IanaService> lookup(Protocol protocol, int port) {
        long key = key(protocol, port);
        Optional<IanaService> known = parsed.get(key);
        if (known == null) {
            known = Optional.ofNullable(find(protocol, port));
            parsed.put(key, known);
        }
        return known;
    }

    /** Number of (port, protocol) entries. */
    public int size() {
        index();
        Set<Long> keys = new HashSet<>();
        for (int k = 0; k < ports.length; k++) {
            for (Protocol protocol : Protocol.values()) {
                if (entry(starts[k], ports[k], protocol) != null) {
                    keys.add(key(protocol, ports[k]));
                }
            }
        }
        return keys.size();
    }

    /** The last line for the port that lists the protocol, parsed. */
    private IanaService find(Protocol protocol, int port) {
        return sorted ? search(protocol, port) : findIndexed(protocol, port);
    }

    /** {@link #find} in the index. */
    IanaService findIndexed(Protocol protocol, int port) {
        index();
        int k = Arrays.binarySearch(ports, port);
        if (k < 0) {
            return null;
        }
        while (k > 0 && ports[k - 1] == port) {
            k--;
        }
        IanaService found = null;
        for (; k < ports.length && ports[k] == port; k++) {
            IanaService s = entry(starts[k], port, protocol);
            if (s != null) {
                found = s;
            }
        }
        return found;
    }

    /**
     * {@link #find} in data sorted by port, without the index: the smallest position from which the
     * first data line has a port at least {@code port} (that port only grows with the position),
     * then that line and the next ones of the same port.
     */
    private IanaService search(Protocol protocol, int port) {
        int lo = 0;
        int hi = data.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int line = dataLineFrom(mid);
            if (line < data.length && portAt(line) < port) {
                lo = line + 1;
            } else {
                hi = mid;
            }
        }
        IanaService found = null;
        for (int line = dataLineFrom(lo); line < data.length && portAt(line) == port; line = dataLineFrom(nextLine(line))) {
            IanaService s = entry(line, port, protocol);
            if (s != null) {
                found = s;
            }
        }
        return found;
    }

    /** The line at {@code start} as the service of that protocol, or null when it does not list the protocol or is malformed. */
    private IanaService entry(int start, int port, Protocol protocol) {
        int end = start;
        while (end < data.length && data[end] != '\n') {
            end++;
        }
        int lineEnd = end > start && data[end - 1] == '\r' ? end - 1 : end;
        String[] f = new String(data, start, lineEnd - start, StandardCharsets.UTF_8).split("\t", 4);
        if (f.length < 4) {
            return null;
        }
        for (String proto : f[1].split(",")) {
            if (proto.equals(protocol.id())) {
                return new IanaService(port, protocol, f[2], f[3]);
            }
        }
        return null;
    }

    private static long key(Protocol protocol, int port) {
        return ((long) protocol.ordinal() << 32) | port;
    }

    private static final class Holder {
        static final ServiceRegistry INSTANCE = loadBundled();
    }
}
