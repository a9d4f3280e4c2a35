package dev.portside.diagnose;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.portside.core.IpAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves through the C library's {@code getaddrinfo}, so the order is the one Node 17+, curl and
 * browsers see (Java's own resolver puts IPv4 first unless started with
 * {@code -Djava.net.preferIPv6Addresses=system}). Through JNA (it comes with OSHI) on 64-bit Linux
 * and macOS; elsewhere, or when the call cannot be made, through {@link InetAddress}.
 */
final class SystemResolver implements HostResolver {

    private static final int EAI_NONAME_LINUX = -2;
    private static final int EAI_NONAME_BSD = 8;
    private static final int SOCK_STREAM = 1;

    /**
     * The C library, or null where the struct layout below is not known; bound on first use (JNA
     * unpacks and loads its native library: 20-30 ms, which {@link HostResolver#prepare} can spend on
     * another thread while the caller scans).
     */
    private static final class Libc {
        static final C LIBC = load();
    }

    interface C extends Library {
        int getaddrinfo(String node, String service, Pointer hints, PointerByReference res);

        void freeaddrinfo(Pointer res);
    }

    private static C load() {
        if (!(Platform.isLinux() || Platform.isMac()) || !Platform.is64Bit()) {
            return null;
        }
        try {
            return Native.load(Platform.C_LIBRARY_NAME, C.class);
        } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError
            return null;
        }
    }

    /** True when the answers come from getaddrinfo, in its order (for the facts shown). */
    static boolean usesGetaddrinfo() {
        return Libc.LIBC != null;
    }

    @Override
    public List<IpAddress> resolve(String host) throws UnknownHostException {
        if (Libc.LIBC != null) {
            List<IpAddress> viaC = getaddrinfo(host);
            if (viaC != null) {
                return viaC;
            }
        }
        List<IpAddress> result = new ArrayList<>();
        for (InetAddress a : InetAddress.getAllByName(host)) {
            result.add(IpAddress.of(a));
        }
        return result;
    }

    /** The addresses in getaddrinfo's order, or null when the call failed for another reason than "no such name". */
    private static List<IpAddress> getaddrinfo(String host) throws UnknownHostException {
        boolean mac = Platform.isMac();
        Memory hints = new Memory(48);
        hints.clear();
        hints.setInt(8, SOCK_STREAM); // ai_socktype: one answer per address
        PointerByReference res = new PointerByReference();
        int rc;
        try {
            rc = Libc.LIBC.getaddrinfo(host, null, hints, res);
        } catch (Throwable e) {
            return null;
        }
        if (rc == EAI_NONAME_LINUX || (mac && rc == EAI_NONAME_BSD)) {
            throw new UnknownHostException(host);
        }
        if (rc != 0) {
            return null;
        }
        Pointer first = res.getValue();
        Set<IpAddress> addresses = new LinkedHashSet<>();
        try {
            // struct addrinfo on LP64: flags, family, socktype, protocol (4 ints), addrlen (4 + padding),
            // then Linux: ai_addr, ai_canonname, ai_next; macOS/BSD: ai_canonname, ai_addr, ai_next.
            for (Pointer ai = first; ai != null; ai = ai.getPointer(40)) {
                Pointer sa = ai.getPointer(mac ? 32 : 24);
                if (sa == null) {
                    continue;
                }
                int family = mac ? sa.getByte(1) & 0xff : sa.getShort(0) & 0xffff;
                if (family == 2) {
                    addresses.add(IpAddress.of(sa.getByteArray(4, 4)));
                } else if (family == (mac ? 30 : 10)) {
                    addresses.add(IpAddress.of(sa.getByteArray(8, 16)));
                }
            }
        } finally {
            Libc.LIBC.freeaddrinfo(first);
        }
        return new ArrayList<>(addresses);
    }
}
