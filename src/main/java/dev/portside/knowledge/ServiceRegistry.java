package dev.portside.knowledge;

import dev.portside.core.Protocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * IANA's Service Name and Transport Protocol Port Number Registry (TCP and UDP), bundled as
 * {@code iana-services.tsv} next to this class (see the README there for source and licence).
 *
 * <p>Reading it takes a few tens of milliseconds, so {@link #shared()} loads it once, on first use;
 * the window has {@link Knowledge#preload} read it on a background thread.
 */
public final class ServiceRegistry {

    static final String RESOURCE = "iana-services.tsv";

    private final Map<Long, IanaService> byKey;

    private ServiceRegistry(Map<Long, IanaService> byKey) {
        this.byKey = byKey;
    }

    /** Parses a registry in the bundled format (port, protocols, name, description; '#' comments). */
    public static ServiceRegistry parse(Reader source) throws IOException {
        Map<Long, IanaService> map = new HashMap<>(16_384);
        BufferedReader in = new BufferedReader(source);
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            String[] f = line.split("\t", 4);
            if (f.length < 4) {
                continue;
            }
            int port;
            try {
                port = Integer.parseInt(f[0]);
            } catch (NumberFormatException e) {
                continue;
            }
            for (String proto : f[1].split(",")) {
                Protocol protocol = switch (proto) {
                    case "tcp" -> Protocol.TCP;
                    case "udp" -> Protocol.UDP;
                    default -> null;
                };
                if (protocol != null) {
                    map.put(key(protocol, port), new IanaService(port, protocol, f[2], f[3]));
                }
            }
        }
        return new ServiceRegistry(Map.copyOf(map));
    }

    /** Reads the bundled registry now, on the calling thread. */
    public static ServiceRegistry loadBundled() {
        try (InputStream in = ServiceRegistry.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled IANA registry " + RESOURCE + " is missing");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
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
        return Optional.ofNullable(byKey.get(key(protocol, port)));
    }

    /** Number of (port, protocol) entries. */
    public int size() {
        return byKey.size();
    }

    private static long key(Protocol protocol, int port) {
        return ((long) protocol.ordinal() << 32) | port;
    }

    private static final class Holder {
        static final ServiceRegistry INSTANCE = loadBundled();
    }
}
