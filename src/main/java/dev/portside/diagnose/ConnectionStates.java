package dev.portside.diagnose;

import java.util.List;
import java.util.Locale;

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
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
        return linux ? new ProcNetConnectionStates("/proc") : new OshiConnectionStates();
    }
}
