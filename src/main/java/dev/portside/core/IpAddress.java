package dev.portside.core;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * An IPv4 (4 bytes) or IPv6 (16 bytes) address as a socket reports it. Unlike {@link InetAddress},
 * an IPv4-mapped IPv6 address stays a 16-byte IPv6 address ({@code ::ffff:127.0.0.1}), because a
 * socket bound to it is an IPv6 socket. The text form follows RFC 5952 (compressed, lower case).
 */
public final class IpAddress implements Comparable<IpAddress> {

    public static final IpAddress IPV4_ANY = of(new byte[4]);
    public static final IpAddress IPV6_ANY = of(new byte[16]);
    public static final IpAddress IPV4_LOOPBACK = of(new byte[] {127, 0, 0, 1});
    public static final IpAddress IPV6_LOOPBACK = of(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});

    private static final Pattern IPV4_TEXT = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_TEXT = Pattern.compile("[0-9A-Fa-f:.]+");

    private final byte[] bytes;
    private final String text;
    /** Computed once: the table looks rows up by address every poll. */
    private final int hash;

    private IpAddress(byte[] bytes) {
        this.bytes = bytes;
        this.text = bytes.length == 4 ? formatIpv4(bytes, 0) : formatIpv6(bytes);
        this.hash = Arrays.hashCode(bytes);
    }

    /** An address from its raw bytes (4 or 16, network order). */
    public static IpAddress of(byte[] raw) {
        if (raw == null || (raw.length != 4 && raw.length != 16)) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes");
        }
        return new IpAddress(raw.clone());
    }

    /** An address from a {@link InetAddress}. */
    public static IpAddress of(InetAddress address) {
        return of(address.getAddress());
    }

    /**
     * Parses a literal address ("127.0.0.1", "::1", "[::1]", "fe80::1%eth0", "::ffff:10.0.0.1").
     * Never resolves a host name.
     *
     * @throws IllegalArgumentException when the text is not an IP literal
     */
    public static IpAddress parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int percent = s.indexOf('%');
        if (percent >= 0) {
            s = s.substring(0, percent);
        }
        boolean v4 = IPV4_TEXT.matcher(s).matches();
        boolean v6 = s.indexOf(':') >= 0 && IPV6_TEXT.matcher(s).matches();
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
            return new IpAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text, e);
        }
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
        return new IpAddress(Arrays.copyOfRange(bytes, 12, 16));
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

    public InetAddress toInetAddress() {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen for 4 or 16 bytes
        }
    }

    /** The address as it goes in a URL or next to a port: IPv6 in brackets. */
    public String toUriHost() {
        return bytes.length == 16 ? "[" + text + "]" : text;
    }

    /** {@code address:port}, with IPv6 in brackets. */
    public String withPort(int port) {
        return toUriHost() + ":" + port;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** IPv4 before IPv6, then numerically. */
    @Override
    public int compareTo(IpAddress o) {
        if (bytes.length != o.bytes.length) {
            return Integer.compare(bytes.length, o.bytes.length);
        }
        return Arrays.compareUnsigned(bytes, o.bytes);
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
