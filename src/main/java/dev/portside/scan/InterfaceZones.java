package dev.portside.scan;

import dev.portside.platform.OsFamily;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The zone of a socket's address: the network interface it is bound to. Netlink tells the
 * interface's index ({@code idiag_if}), which {@link #nameOf} turns into its name. /proc/net and
 * OSHI do not tell; for a link-local address (fe80::/10) {@link #ofLinkLocal} finds the interface
 * that has it, when only one has it (the kernel binds a link-local address only on an interface
 * that holds it). The interfaces are asked again at most every few seconds.
 */
final class InterfaceZones {

    private static final long REFRESH_NANOS = 5_000_000_000L;
    private static final boolean WINDOWS = OsFamily.current() == OsFamily.WINDOWS;

    private final LongSupplier nanoClock;
    private Map<Integer, String> names = Map.of();
    private Map<String, List<String>> linkLocal = Map.of();
    private long readAt;
    private boolean read;

    InterfaceZones(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    InterfaceZones() {
        this(NanoClock.SYSTEM);
    }

    /** The name of interface {@code index} (0: none, ""), or the index in decimal when it is gone. */
    String nameOf(int index) {
        if (index == 0) {
            return "";
        }
        String name = interfaces(false).names.get(index);
        if (name == null) {
            name = interfaces(true).names.get(index); // a new interface since the last look
        }
        return name != null ? name : Integer.toString(index);
    }

    /** For a link-local IPv6 address (16 bytes), the one interface that has it; "" when none or several. */
    String ofLinkLocal(byte[] address, int offset) {
        if ((address[offset] & 0xff) != 0xfe || (address[offset + 1] & 0xc0) != 0x80) {
            return "";
        }
        String key = Arrays.toString(Arrays.copyOfRange(address, offset, offset + 16));
        List<String> holders = interfaces(false).linkLocal.getOrDefault(key, List.of());
        return holders.size() == 1 ? holders.get(0) : "";
    }

    private record Seen(Map<Integer, String> names, Map<String, List<String>> linkLocal) {
    }

    private synchronized Seen interfaces(boolean now) {
        long t = nanoClock.getAsLong();
        if (!read || now || t - readAt > REFRESH_NANOS) {
            Map<Integer, String> byIndex = new HashMap<>();
            Map<String, List<String>> byAddress = new HashMap<>();
            try {
                for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    String zone = zoneName(nif);
                    byIndex.put(nif.getIndex(), zone);
                    for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                        if (a instanceof Inet6Address && a.isLinkLocalAddress()) {
                            byAddress.computeIfAbsent(Arrays.toString(a.getAddress()), k -> new ArrayList<>())
                                    .add(zone);
                        }
                    }
                }
            } catch (SocketException | RuntimeException e) {
                // the interfaces cannot be listed here: zones stay indexes, link-local ones unknown
            }
            names = byIndex;
            linkLocal = byAddress;
            readAt = t;
            read = true;
        }
        return new Seen(names, linkLocal);
    }

    /** Linux and macOS name zones by interface name; Windows by interface index. */
    private static String zoneName(NetworkInterface nif) {
        return WINDOWS ? Integer.toString(nif.getIndex()) : nif.getName();
    }
}
