package dev.portside.platform;

import java.util.OptionalInt;
import oshi.software.os.InternetProtocolStats.IPConnection;
import oshi.software.os.InternetProtocolStats.TcpState;

/**
 * How this system's OSHI connection table says "listening" and "owned by". UDP has no LISTEN
 * state, and each system's table reports a bound UDP socket its own way, so the portable scanner
 * asks this instead of guessing. One factory per system, each saying what its table looks like.
 *
 * @param boundUdpState the state OSHI gives a bound, unconnected UDP socket on this system
 */
public record OshiSocketMapping(TcpState boundUdpState) {

    /**
     * Linux (OSHI reads /proc/net/tcp, udp and their IPv6 twins): a bound UDP socket has the
     * kernel's state 07, which OSHI reports as CLOSED (a connected one is ESTABLISHED, with a peer).
     * The owner is found through /proc/PID/fd; where those cannot be read (another user's process,
     * a container even as root) OSHI reports pid -1.
     */
    public static OshiSocketMapping linux() {
        return new OshiSocketMapping(TcpState.CLOSED);
    }

    /**
     * Windows (GetExtendedTcpTable and GetExtendedUdpTable with owning pids): the UDP table has no
     * state and no remote end, so every UDP row is a bound socket, state NONE, remote port 0.
     * Windows always names the pid: 4 is the kernel ("System", e.g. SMB on 445), a real owner;
     * 0 ("System Idle Process") stands for sockets no process holds.
     */
    public static OshiSocketMapping windows() {
        return new OshiSocketMapping(TcpState.NONE);
    }

    /**
     * macOS (each process's sockets through proc_pidfdinfo): TCP has the BSD states, UDP none
     * (NONE); a connected UDP socket has a remote port. Every row comes from a process, so it has
     * a pid; the sockets of processes this user may not inspect are missing from the table (run as
     * root to see them), not rows with an unknown owner.
     */
    public static OshiSocketMapping mac() {
        return new OshiSocketMapping(TcpState.NONE);
    }

    /** A listening TCP socket, or a bound UDP socket without a remote peer. */
    public boolean isListening(IPConnection c) {
        String type = c.getType();
        if (type == null) {
            return false;
        }
        if (type.startsWith("tcp")) {
            return c.getState() == TcpState.LISTEN;
        }
        return type.startsWith("udp") && c.getState() == boundUdpState && c.getForeignPort() == 0;
    }

    /** The owning process, or empty when the table does not know it (pid -1 or 0). */
    public OptionalInt owner(IPConnection c) {
        int pid = c.getowningProcessId();
        return pid > 0 ? OptionalInt.of(pid) : OptionalInt.empty();
    }
}
