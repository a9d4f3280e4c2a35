package dev.portside.diagnose;

import dev.portside.core.IpAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Resolves a host name to addresses, in the order this computer's resolver gives them. */
public interface HostResolver {

    /**
     * @throws UnknownHostException when the name does not resolve
     */
    List<IpAddress> resolve(String host) throws UnknownHostException;

    /** The C library's getaddrinfo (the order Node, curl and browsers get), else Java's resolver. */
    static HostResolver system() {
        return new SystemResolver();
    }

    /**
     * Binds the C library for {@link #system()} now (it is otherwise bound at the first lookup): a
     * command calls it on a second thread so that the binding overlaps its scan.
     */
    static void prepare() {
        SystemResolver.usesGetaddrinfo();
    }
}
