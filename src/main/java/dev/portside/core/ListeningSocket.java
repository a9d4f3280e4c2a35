package dev.portside.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A TCP socket in LISTEN state or a bound, unconnected UDP socket.
 *
 * @param protocol TCP or UDP
 * @param family the socket's family (an IPv6 socket may carry a v4-mapped address)
 * @param address the local address it is bound to
 * @param port the local port
 * @param owners the processes that hold it, main owner first; empty when the owner is hidden from
 *     this user (another user's process) or unknown
 * @param user the account the kernel says owns the socket ({@link SocketUser#UNKNOWN} when the
 *     scanner cannot tell); known even when {@code owners} is empty
 */
public record ListeningSocket(Protocol protocol, IpFamily family, IpAddress address, int port,
        List<ProcessInfo> owners, SocketUser user) {

    public ListeningSocket {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > PortCategory.MAX_PORT) {
            throw new IllegalArgumentException("not a port number: " + port);
        }
        owners = List.copyOf(owners);
        user = Objects.requireNonNullElse(user, SocketUser.UNKNOWN);
    }

    /** A socket whose owning account the scanner did not report. */
    public ListeningSocket(Protocol protocol, IpFamily family, IpAddress address, int port, List<ProcessInfo> owners) {
        this(protocol, family, address, port, owners, SocketUser.UNKNOWN);
    }

    public SocketKey key() {
        return new SocketKey(protocol, address, port);
    }

    public PortCategory category() {
        return PortCategory.of(port);
    }

    public AddressScope scope() {
        return AddressScope.of(address);
    }

    /** The main owner, if this user can see it. */
    public Optional<ProcessInfo> owner() {
        return owners.isEmpty() ? Optional.empty() : Optional.of(owners.get(0));
    }

    public OptionalInt ownerPid() {
        return owners.isEmpty() ? OptionalInt.empty() : OptionalInt.of(owners.get(0).pid());
    }

    /** True when the OS did not tell us who holds the socket (typically another user's process). */
    public boolean ownerHidden() {
        return owners.isEmpty();
    }

    /**
     * The name of the account that holds the socket: the main owner's user when it is visible, else
     * the kernel's socket user; "" when neither is known.
     */
    public String userName() {
        String visible = owners.isEmpty() ? "" : owners.get(0).user();
        return visible.isEmpty() ? user.name() : visible;
    }

    /** {@code 127.0.0.1:8080} or {@code [::1]:8080}. */
    public String endpoint() {
        return address.withPort(port);
    }

    /**
     * As the record's own, written out: the record's is built from method handles at its first call
     * in a JVM, on the window's FX thread on the way to its first frame (docs/PERFORMANCE.md, "Third
     * round: the window"). {@code RecordEqualityTest} checks that every component counts.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ListeningSocket s && port == s.port && protocol == s.protocol && family == s.family
                && address.equals(s.address) && owners.equals(s.owners) && user.equals(s.user);
    }

    @Override
    public int hashCode() {
        return ((((protocol.hashCode() * 31 + family.hashCode()) * 31 + address.hashCode()) * 31 + port) * 31
                + owners.hashCode()) * 31 + user.hashCode();
    }
}
