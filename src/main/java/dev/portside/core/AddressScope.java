package dev.portside.core;

/** Who can reach a socket bound to an address. */
public enum AddressScope {
    /** 127.0.0.0/8 or ::1: only programs on this computer. */
    LOOPBACK("loopback"),
    /** 0.0.0.0 or ::: every interface, so other machines too unless a firewall stops them. */
    ALL_INTERFACES("all-interfaces"),
    /** One specific address of one interface. */
    INTERFACE("interface");

    private final String id;

    AddressScope(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The scope of a local address, with IPv4-mapped IPv6 addresses judged by their IPv4 part. */
    public static AddressScope of(IpAddress address) {
        IpAddress effective = address.isIpv4Mapped() ? address.embeddedIpv4() : address;
        if (effective.isWildcard()) {
            return ALL_INTERFACES;
        }
        return effective.isLoopback() ? LOOPBACK : INTERFACE;
    }
}
