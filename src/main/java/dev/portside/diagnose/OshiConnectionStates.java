package dev.portside.diagnose;

import dev.portside.core.IpAddress;
import java.util.ArrayList;
import java.util.List;
import oshi.SystemInfo;
import oshi.software.os.InternetProtocolStats.IPConnection;
import oshi.software.os.InternetProtocolStats.TcpState;

/** The connection states of one port from OSHI's connection table (macOS, Windows). */
final class OshiConnectionStates implements ConnectionStates {

    @Override
    public List<TcpConnection> onPort(int port) {
        List<TcpConnection> result = new ArrayList<>();
        for (IPConnection c : new SystemInfo().getOperatingSystem().getInternetProtocolStats().getConnections()) {
            if (!c.getType().startsWith("tcp") || c.getLocalPort() != port) {
                continue;
            }
            IpAddress local = address(c.getLocalAddress(), c.getType());
            IpAddress remote = address(c.getForeignAddress(), c.getType());
            result.add(new TcpConnection(local, port, remote, c.getForeignPort(), state(c.getState())));
        }
        return result;
    }

    /** OSHI gives an empty array for "any"; the family comes from the type ("tcp4", "tcp6"). */
    private static IpAddress address(byte[] raw, String type) {
        if (raw != null && (raw.length == 4 || raw.length == 16)) {
            return IpAddress.of(raw);
        }
        return type.endsWith("6") ? IpAddress.IPV6_ANY : IpAddress.IPV4_ANY;
    }

    static TcpConnection.State state(TcpState s) {
        if (s == null) {
            return TcpConnection.State.UNKNOWN;
        }
        return switch (s) {
            case ESTABLISHED -> TcpConnection.State.ESTABLISHED;
            case SYN_SENT -> TcpConnection.State.SYN_SENT;
            case SYN_RECV -> TcpConnection.State.SYN_RECV;
            case FIN_WAIT_1 -> TcpConnection.State.FIN_WAIT1;
            case FIN_WAIT_2 -> TcpConnection.State.FIN_WAIT2;
            case TIME_WAIT -> TcpConnection.State.TIME_WAIT;
            case CLOSED -> TcpConnection.State.CLOSE;
            case CLOSE_WAIT -> TcpConnection.State.CLOSE_WAIT;
            case LAST_ACK -> TcpConnection.State.LAST_ACK;
            case LISTEN -> TcpConnection.State.LISTEN;
            case CLOSING -> TcpConnection.State.CLOSING;
            default -> TcpConnection.State.UNKNOWN;
        };
    }
}
