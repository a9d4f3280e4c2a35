package dev.portside.core;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 (4 bytes) or IPv6 (16 bytes) address as a socket reports it. Unlike {@link InetAddress},
 * an IPv4-mapped IPv6 address stays a 16-byte IPv6 address ({@code ::ffff:127.0.0.1}), because a
 * socket bound to it is an IPv6 socket. The text form follows RFC 5952 (compressed, lower case).
 *
 * <p>An address may carry a zone: the network interface a socket is bound to ({@code fe80::1%eth0},
 * a link-local address; or any address on a socket bound to one interface, as {@code ss} shows
 * {@code 0.0.0.0%eth0}). The zone is part of the identity: {@code fe80::1%eth0} and
 * {@code fe80::1%eth1} are two sockets. Only the address's own 4 or 16 bytes and the zone count.
 */
public final class IpAddress implements Comparable<IpAddress> {

    public static final IpAddress IPV4_ANY = of(new byte[4]);
    public static final IpAddress IPV6_ANY = of(new byte[16]);
    public static final IpAddress IPV4_LOOPBACK = of(new byte[] {127, 0, 0, 1});
    public static final IpAddress IPV6_LOOPBACK = of(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});

    /** Four groups of one to three digits separated by dots (what {@code \d{1,3}(\.\d{1,3}){3}} matches). */
    static boolean looksLikeIpv4(String s) {
        int groups = 0;
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 3) {
                    return false;
                }
            } else if (c == '.' && digits > 0 && groups < 3) {
                groups++;
                digits = 0;
            } else {
                return false;
            }
        }
        return groups == 3 && digits > 0;
    }

    /** Only hex digits, colons and dots, at least one (what {@code [0-9A-Fa-f:.]+} matches). */
    static boolean looksLikeIpv6(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private final byte[] bytes;
    /** The interface name (or its index in decimal when the name is not known), or "". */
    private final String zone;
    private final String text;
    /** Computed once: the table looks rows up by address every poll. */
    private final int hash;

    private IpAddress(byte[] bytes, String zone) {
        this.bytes = bytes;
        this.zone = zone;
        this.text = bytes.length == 4 ? formatIpv4(bytes, 0) : formatIpv6(bytes);
        this.hash = Arrays.hashCode(bytes) * 31 + zone.hashCode();
    }

    private IpAddress(byte[] bytes) {
        this(bytes, "");
    }

    /** An address from its raw bytes (4 or 16, network order). */
    public static IpAddress of(byte[] raw) {
        return of(raw, "");
    }

    /**
     * An address from its raw bytes and a zone.
     *
     * @param zone the interface's name (or index) the socket is bound to, or "" for none
     */
    public static IpAddress of(byte[] raw, String zone) {
        if (raw == null || (raw.length != 4 && raw.length != 16)) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes");
        }
        return new IpAddress(raw.clone(), checkZone(zone));
    }

    /** An address from a {@link InetAddress}, with the interface of a scoped IPv6 address as its zone. */
    public static IpAddress of(InetAddress address) {
        String zone = "";
        if (address instanceof Inet6Address v6 && v6.getScopeId() != 0) {
            zone = v6.getScopedInterface() != null ? v6.getScopedInterface().getName()
                    : Integer.toString(v6.getScopeId());
        }
        return of(address.getAddress(), zone);
    }

    private static String checkZone(String zone) {
        String z = zone == null ? "" : zone;
        for (int i = 0; i < z.length(); i++) {
            char c = z.charAt(i);
            if (c <= ' ' || c == '%' || c == '/' || c == ']' || c == 0x7f) {
                throw new IllegalArgumentException("not a zone (interface name): " + Printable.of(z));
            }
        }
        return z;
    }

    /**
     * Parses a literal address ("127.0.0.1", "::1", "[::1]", "fe80::1%eth0", "[fe80::1%25eth0]" as in a
     * URL, "::ffff:10.0.0.1"); a zone is kept. Never resolves a host name.
     *
     * @throws IllegalArgumentException when the text is not an IP literal
     */
    public static IpAddress parse(String text) {
        String s = text == null ? "" : text.strip();
        boolean bracketed = s.startsWith("[") && s.endsWith("]");
        if (bracketed) {
            s = s.substring(1, s.length() - 1);
        }
        String zone = "";
        int percent = s.indexOf('%');
        if (percent >= 0) {
            zone = s.substring(percent + 1);
            s = s.substring(0, percent);
            if (bracketed && zone.startsWith("25")) { // as a URL writes it: [fe80::1%25eth0]
                String rest = zone.substring(2);
                zone = rest.isEmpty() ? zone : rest;
            }
            if (zone.isEmpty()) {
                throw new IllegalArgumentException("not an IP address: " + text);
            }
        }
        // plain checks, not regular expressions: a command parses a container's published addresses
        boolean v4 = looksLikeIpv4(s);
        boolean v6 = s.indexOf(':') >= 0 && looksLikeIpv6(s);
        if (!v4 && !v6) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        try {
            byte[] raw = InetAddress.getByName(s).getAddress();
            if (v6 && raw.length == 4) {
                // Java turns ::ffff:a.b.c.d into an Inet4Address; keep the IPv6 form.
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(raw, 0, mapped, 12, 4);
                raw = mapped;
            }
            return new IpAddress(raw, checkZone(zone));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text, e);
        }
    }

    /** The interface the socket is bound to ("eth0"), or "" when the address has no zone. */
    public String zone() {
        return zone;
    }

    /** This address without its zone. */
    public IpAddress withoutZone() {
        return zone.isEmpty() ? this : new IpAddress(bytes);
    }

    public IpFamily family() {
        return bytes.length == 4 ? IpFamily.IPV4 : IpFamily.IPV6;
    }

    /** True for ::ffff:a.b.c.d. */
    public boolean isIpv4Mapped() {
        return bytes.length == 16 && isMapped(bytes);
    }

    /** The IPv4 address inside a v4-mapped address. */
    public IpAddress embeddedIpv4() {
        if (!isIpv4Mapped()) {
            throw new IllegalStateException(text + " is not an IPv4-mapped address");
        }
        return new IpAddress(Arrays.copyOfRange(bytes, 12, 16), zone);
    }

    /**
     * The IPv4 address inside a v4-mapped address, else this address. Java binds even an IPv4
     * address on a dual-stack IPv6 socket on Linux, so "127.0.0.1" often shows as ::ffff:127.0.0.1.
     */
    public IpAddress unmapped() {
        return isIpv4Mapped() ? embeddedIpv4() : this;
    }

    /** 0.0.0.0 or ::. */
    public boolean isWildcard() {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** 127.0.0.0/8 or ::1 (a v4-mapped address is judged by {@link AddressScope}). */
    public boolean isLoopback() {
        if (bytes.length == 4) {
            return bytes[0] == 127;
        }
        for (int i = 0; i < 15; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[15] == 1;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The address as an {@link InetAddress}; an IPv6 zone that names an interface here becomes its scope. */
    public InetAddress toInetAddress() {
        try {
            if (bytes.length == 16 && !zone.isEmpty()) {
                try {
                    NetworkInterface nif = NetworkInterface.getByName(zone);
                    if (nif != null) {
                        return Inet6Address.getByAddress(null, bytes, nif);
                    }
                } catch (SocketException e) {
                    // no such interface any more: the address without its scope
                }
            }
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen for 4 or 16 bytes
        }
    }

    /**
     * The address as it goes next to a port: IPv6 in brackets, the zone after a {@code %}
     * ({@code [fe80::1%eth0]}). A URL writes the {@code %} as {@code %25}: see {@link #toUrlHost()}.
     */
    public String toUriHost() {
        return bytes.length == 16 ? "[" + toString() + "]" : toString();
    }

    /**
     * The host part of a URL (RFC 6874): {@code [fe80::1%25eth0]}, {@code [::1]}, {@code 127.0.0.1}.
     * IPv4 has no zones in URLs; an IPv4 address's zone is left out.
     */
    public String toUrlHost() {
        if (bytes.length == 4) {
            return text;
        }
        return "[" + text + (zone.isEmpty() ? "" : "%25" + zone) + "]";
    }

    /** {@code address:port}, with IPv6 in brackets. */
    public String withPort(int port) {
        return toUriHost() + ":" + port;
    }

    /** The address in text, with its zone: {@code fe80::1%eth0}. */
    @Override
    public String toString() {
        return zone.isEmpty() ? text : text + "%" + zone;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress other && Arrays.equals(bytes, other.bytes) && zone.equals(other.zone);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** IPv4 before IPv6, then numerically, then by zone (none first). */
    @Override
    public int compareTo(IpAddress o) {
        if (bytes.length != o.bytes.length) {
            return Integer.compare(bytes.length, o.bytes.length);
        }
        int c = Arrays.compareUnsigned(bytes, o.bytes);
        return c != 0 ? c : zone.compareTo(o.zone);
    }

    private static String formatIpv4(byte[] b, int offset) {
        return (b[offset] & 0xff) + "." + (b[offset + 1] & 0xff) + "." + (b[offset + 2] & 0xff) + "."
                + (b[offset + 3] & 0xff);
    }

    private static String formatIpv6(byte[] b) {
        if (isMapped(b)) {
            return "::ffff:" + formatIpv4(b, 12);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        // RFC 5952: compress the longest run (first if tied) of at least two zero groups.
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }
}
