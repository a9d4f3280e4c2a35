package dev.portside.core;

/**
 * The identity of a listening socket across polls: protocol, address and port. Sockets that share
 * a key (SO_REUSEPORT, a listener inherited by worker processes) are one entry with several owners.
 */
public record SocketKey(Protocol protocol, IpAddress address, int port) implements Comparable<SocketKey> {

    @Override
    public int compareTo(SocketKey o) {
        int c = Integer.compare(port, o.port);
        if (c == 0) {
            c = protocol.compareTo(o.protocol);
        }
        return c != 0 ? c : address.compareTo(o.address);
    }

    /**
     * As the record's own, written out: the record's is built from method handles at its first call
     * in a JVM (about 20 generated classes, 10-20 ms of a {@code portside list}; docs/PERFORMANCE.md).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof SocketKey k && port == k.port && protocol == k.protocol && address.equals(k.address);
    }

    @Override
    public int hashCode() {
        return (protocol.hashCode() * 31 + address.hashCode()) * 31 + port;
    }

    @Override
    public String toString() {
        return protocol.id() + " " + address.withPort(port);
    }
}
