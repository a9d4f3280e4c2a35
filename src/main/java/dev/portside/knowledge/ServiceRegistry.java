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
 * <p>Only the lines asked for are parsed: the registry keeps the file's bytes and, per data line,
 * its port and where it starts, found in one pass; a lookup binary-searches the port and reads its
 * few lines. Building a map of all 11,000 services took 60-100 ms of a command that looks up one
 * port (docs/PERFORMANCE.md, "Start-up of a command"); the index takes a few. When a port has
 * several lines for one protocol, the last one counts.
 */
public final class ServiceRegistry {

    static final String RESOURCE = "iana-services.tsv";

    private final byte[] data;
    /** Per data line, sorted by port (then by their order in the file): port, and where it starts. */
    private final int[] ports;
    private final int[] starts;
    private final Map<Long, Optional<IanaService>> parsed = new ConcurrentHashMap<>();

    private ServiceRegistry(byte[] data) {
        this.data = data;
        int lines = 0;
        for (byte b : data) {
            if (b == '\n') {
                lines++;
            }
        }
        int[] p = new int[lines + 1];
        int[] at = new int[lines + 1];
        int n = 0;
        boolean sorted = true;
        int i = 0;
        while (i < data.length) {
            int lineStart = i;
            int port = 0;
            int digits = 0;
            while (i < data.length && data[i] >= '0' && data[i] <= '9' && digits < 6) {
                port = port * 10 + (data[i] - '0');
                digits++;
                i++;
            }
            if (digits > 0 && i < data.length && data[i] == '\t') {
                sorted &= n == 0 || p[n - 1] <= port;
                p[n] = port;
                at[n] = lineStart;
                n++;
            }
            while (i < data.length && data[i] != '\n') {
                i++;
            }
            i++;
        }
        if (!sorted) { // by port, keeping the file's order within a port
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
        this.ports = Arrays.copyOf(p, n);
        this.starts = Arrays.copyOf(at, n);
    }

    /** Reads a registry in the bundled format (port, protocols, name, description; '#' comments). */
    public static ServiceRegistry parse(Reader source) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        int n;
        while ((n = source.read(buffer)) > 0) {
            text.append(buffer, 0, n);
        }
        return new ServiceRegistry(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the bundled registry now, on the calling thread. */
    public static ServiceRegistry loadBundled() {
        try (InputStream in = BundledFiles.open(ServiceRegistry.class, RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled IANA registry " + RESOURCE + " is missing");
            }
            return new ServiceRegistry(in.readAllBytes());
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
        Set<Long> keys = new HashSet<>();
        for (int k = 0; k < ports.length; k++) {
            for (Protocol protocol : Protocol.values()) {
                if (entry(k, protocol) != null) {
                    keys.add(key(protocol, ports[k]));
                }
            }
        }
        return keys.size();
    }

    /** The last line for the port that lists the protocol, parsed. */
    private IanaService find(Protocol protocol, int port) {
        int k = Arrays.binarySearch(ports, port);
        if (k < 0) {
            return null;
        }
        while (k > 0 && ports[k - 1] == port) {
            k--;
        }
        IanaService found = null;
        for (; k < ports.length && ports[k] == port; k++) {
            IanaService s = entry(k, protocol);
            if (s != null) {
                found = s;
            }
        }
        return found;
    }

    /** Line k as the service of that protocol, or null when it does not list the protocol or is malformed. */
    private IanaService entry(int k, Protocol protocol) {
        int end = starts[k];
        while (end < data.length && data[end] != '\n') {
            end++;
        }
        int lineEnd = end > starts[k] && data[end - 1] == '\r' ? end - 1 : end;
        String[] f = new String(data, starts[k], lineEnd - starts[k], StandardCharsets.UTF_8).split("\t", 4);
        if (f.length < 4) {
            return null;
        }
        for (String proto : f[1].split(",")) {
            if (proto.equals(protocol.id())) {
                return new IanaService(ports[k], protocol, f[2], f[3]);
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
