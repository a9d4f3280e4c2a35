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

    @Override
    public String toString() {
        return protocol.id() + " " + address.withPort(port);
    }
}
