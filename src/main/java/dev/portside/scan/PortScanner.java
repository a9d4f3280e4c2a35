package dev.portside.scan;

import dev.portside.core.Snapshot;

/**
 * Reads the listening sockets of this computer. Implementations may keep caches between calls, so
 * one instance is used from one thread at a time (the poll thread, or a CLI command).
 */
public interface PortScanner extends AutoCloseable {

    /**
     * Takes a snapshot of every TCP listener and bound UDP socket, IPv4 and IPv6, with their owners.
     *
     * @throws ScanException when the OS cannot be read
     */
    Snapshot scan();

    /** A short id shown to the user, e.g. "oshi" or "linux-netlink". */
    String name();

    @Override
    default void close() {
    }
}
