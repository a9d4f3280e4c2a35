package dev.portside.knowledge;

import dev.portside.core.IpAddress;

/** What kind of address an IP address is, as RFC 1918, 3927, 4193, 4291 and 6598 define them. */
public enum AddressKind {
    /** 127.0.0.0/8, ::1. */
    LOOPBACK,
    /** 0.0.0.0, ::. */
    UNSPECIFIED,
    /** 10/8, 172.16/12, 192.168/16, and IPv6 unique local fc00::/7 (and the old site-local fec0::/10). */
    PRIVATE,
    /** 100.64.0.0/10: carrier-grade NAT and VPNs such as Tailscale. */
    SHARED,
    /** 169.254/16, fe80::/10: only the same network link. */
    LINK_LOCAL,
    /** 224/4, ff00::/8. */
    MULTICAST,
    /** Everything else: may be reachable from the internet. */
    PUBLIC;

    /** The kind of an address; an IPv4-mapped IPv6 address is judged by its IPv4 part. */
    public static AddressKind of(IpAddress address) {
        IpAddress a = address.isIpv4Mapped() ? address.embeddedIpv4() : address;
        if (a.isWildcard()) {
            return UNSPECIFIED;
        }
        if (a.isLoopback()) {
            return LOOPBACK;
        }
        byte[] b = a.bytes();
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (b.length == 4) {
            if (b0 == 10 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168)) {
                return PRIVATE;
            }
            if (b0 == 100 && b1 >= 64 && b1 <= 127) {
                return SHARED;
            }
            if (b0 == 169 && b1 == 254) {
                return LINK_LOCAL;
            }
            return b0 >= 224 && b0 <= 239 ? MULTICAST : PUBLIC;
        }
        if (b0 == 0xff) {
            return MULTICAST;
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return LINK_LOCAL;
        }
        if ((b0 & 0xfe) == 0xfc || (b0 == 0xfe && (b1 & 0xc0) == 0xc0)) {
            return PRIVATE;
        }
        return PUBLIC;
    }

    /** Stable lower-case id for resource keys, e.g. "link-local". */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
