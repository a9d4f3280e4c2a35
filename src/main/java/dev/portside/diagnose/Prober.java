package dev.portside.diagnose;

import dev.portside.core.IpAddress;
import java.time.Duration;

/**
 * Tries the port for real: a TCP connect (closed at once, no data sent) or a bind (released at
 * once). Only on this computer's addresses; the caller checks that.
 */
public interface Prober {

    ConnectAttempt connect(IpAddress address, int port, Duration timeout);

    /**
     * @param reuseAddress set SO_REUSEADDR first, as most servers do: then a port whose last
     *     connections are still in TIME_WAIT binds (never set on Windows, where it means something else)
     */
    BindAttempt bind(IpAddress address, int port, boolean reuseAddress);

    static Prober sockets() {
        return new SocketProber();
    }
}
