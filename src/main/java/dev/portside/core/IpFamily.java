package dev.portside.core;

/** Address family of a socket: the kind of socket, not of the address text (a v4-mapped address lives on an IPv6 socket). */
public enum IpFamily {
    IPV4("ipv4", "IPv4"),
    IPV6("ipv6", "IPv6");

    private final String id;
    private final String label;

    IpFamily(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }
}
