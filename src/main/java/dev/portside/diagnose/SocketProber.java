package dev.portside.diagnose;

import dev.portside.core.IpAddress;
import dev.portside.core.IpFamily;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;

/**
 * The real probes. The bind uses a channel of the address's own family, so 127.0.0.1 is tried as an
 * IPv4 socket (as most servers bind it) and not as Java's dual-stack IPv6 socket, and sets
 * SO_REUSEADDR only when asked (Java's channels set it by default on Linux and macOS).
 */
final class SocketProber implements Prober {

    @Override
    public ConnectAttempt connect(IpAddress address, int port, Duration timeout) {
        long started = System.nanoTime();
        try (Socket s = new Socket()) {
            s.setSoLinger(false, 0);
            s.connect(new InetSocketAddress(address.toInetAddress(), port), (int) Math.max(1, timeout.toMillis()));
            return new ConnectAttempt(address, port, ConnectAttempt.Outcome.CONNECTED, Errno.OTHER, "", since(started));
        } catch (SocketTimeoutException e) {
            return new ConnectAttempt(address, port, ConnectAttempt.Outcome.TIMED_OUT, Errno.ETIMEDOUT, message(e),
                    since(started));
        } catch (ConnectException | NoRouteToHostException e) {
            // Java's ConnectException is a refusal unless its words say otherwise.
            Errno named = Errno.ofMessage(e.getMessage());
            Errno errno = named == Errno.OTHER && e instanceof ConnectException ? Errno.ECONNREFUSED : named;
            ConnectAttempt.Outcome outcome = switch (errno) {
                case ECONNREFUSED -> ConnectAttempt.Outcome.REFUSED;
                case ETIMEDOUT -> ConnectAttempt.Outcome.TIMED_OUT;
                default -> ConnectAttempt.Outcome.FAILED;
            };
            return new ConnectAttempt(address, port, outcome, errno, message(e), since(started));
        } catch (IOException | RuntimeException e) {
            return new ConnectAttempt(address, port, ConnectAttempt.Outcome.FAILED, Errno.ofMessage(e.getMessage()),
                    message(e), since(started));
        }
    }

    @Override
    public BindAttempt bind(IpAddress address, int port, boolean reuseAddress) {
        IpAddress a = address.unmapped();
        StandardProtocolFamily family = a.family() == IpFamily.IPV4 ? StandardProtocolFamily.INET
                : StandardProtocolFamily.INET6;
        try (ServerSocketChannel channel = ServerSocketChannel.open(family)) {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, reuseAddress);
            channel.bind(new InetSocketAddress(a.toInetAddress(), port), 1);
            return new BindAttempt(address, port, true, Errno.OTHER, "");
        } catch (IOException | RuntimeException e) {
            return new BindAttempt(address, port, false, Errno.ofMessage(e.getMessage()), message(e));
        }
    }

    private static long since(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
