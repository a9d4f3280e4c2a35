package dev.portside.diagnose;

import dev.portside.core.IpAddress;
import java.util.Objects;

/**
 * One TCP socket of this computer and its state, as the connection table lists it.
 *
 * @param local the local address
 * @param localPort the local port
 * @param remote the peer's address (the wildcard for a listener)
 * @param remotePort the peer's port (0 for a listener)
 * @param state the TCP state
 * @param waiting for a listener, the connections the system completed that the server has not
 *     accepted yet (its accept queue; when full, new connections get no answer); 0 when not known
 */
public record TcpConnection(IpAddress local, int localPort, IpAddress remote, int remotePort, State state,
        int waiting) {

    /** The TCP states, with the numbers Linux prints in /proc/net/tcp (include/net/tcp_states.h). */
    public enum State {
        ESTABLISHED(0x01), SYN_SENT(0x02), SYN_RECV(0x03), FIN_WAIT1(0x04), FIN_WAIT2(0x05), TIME_WAIT(0x06),
        CLOSE(0x07), CLOSE_WAIT(0x08), LAST_ACK(0x09), LISTEN(0x0A), CLOSING(0x0B), UNKNOWN(-1);

        private final int linuxCode;

        State(int linuxCode) {
            this.linuxCode = linuxCode;
        }

        public static State ofLinuxCode(int code) {
            for (State s : values()) {
                if (s.linuxCode == code) {
                    return s;
                }
            }
            return UNKNOWN;
        }
    }

    /** A connection without a count of waiting connections (a connection, or a table that has none). */
    public TcpConnection(IpAddress local, int localPort, IpAddress remote, int remotePort, State state) {
        this(local, localPort, remote, remotePort, state, 0);
    }

    public TcpConnection {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(state, "state");
    }

    /** {@code 127.0.0.1:3000 → 127.0.0.1:51234 TIME_WAIT}. */
    public String describe() {
        return local.withPort(localPort) + " \u2192 " + remote.withPort(remotePort) + " " + state.name();
    }
}
