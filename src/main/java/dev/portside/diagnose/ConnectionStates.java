package dev.portside.diagnose;

import dev.portside.platform.OsFamily;
import java.util.List;

/**
 * The TCP connection table of this computer, for one port: which connections use it as their local
 * port, and in which state (a server that closed first leaves its side in TIME_WAIT for a minute).
 */
public interface ConnectionStates {

    /**
     * The connections whose local port is {@code port}.
     *
     * @throws RuntimeException when the table cannot be read (the caller reports it as a fact)
     */
    List<TcpConnection> onPort(int port);

    /** /proc/net/tcp and tcp6 on Linux, OSHI's connection table elsewhere. */
    static ConnectionStates forThisMachine() {
        return OsFamily.current() == OsFamily.LINUX ? new ProcNetConnectionStates("/proc") : new OshiConnectionStates();
    }
}
