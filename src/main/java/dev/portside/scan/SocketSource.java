package dev.portside.scan;

/** Lists the listening TCP and bound UDP sockets (no owners) into reusable rows. */
interface SocketSource extends AutoCloseable {

    /** Appends every TCP listener and unconnected UDP socket, IPv4 and IPv6, to {@code rows}. */
    void read(SocketRows rows);

    /** "linux-netlink" or "linux-proc". */
    String name();

    @Override
    default void close() {
    }
}
