package dev.portside.diagnose;

import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import dev.portside.poll.BackgroundRunner;
import dev.portside.scan.PortScanner;
import dev.portside.scan.Scanners;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Real sockets for the diagnosis tests, in this JVM (its own pid owns them). */
final class RealListeners {

    /**
     * The runner whose step threads bound the diagnosis' steps in these tests, as the app's runner
     * does in the window: one shared thread for other work, step threads made when needed.
     */
    static final BackgroundRunner STEPS = BackgroundRunner.daemonThreads("diagnose-test", 1, Runnable::run);

    private RealListeners() {
    }

    /**
     * A listener of one family only. Java's {@code ServerSocket} on 127.0.0.1 is a dual-stack IPv6 socket
     * on Linux (it shows as ::ffff:127.0.0.1); a channel opened for INET is a real IPv4 socket.
     */
    static ServerSocketChannel listen(String address) throws IOException {
        return listen(address, 0);
    }

    static ServerSocketChannel listen(String address, int port) throws IOException {
        IpAddress a = IpAddress.parse(address);
        ServerSocketChannel channel = ServerSocketChannel.open(a.family() == dev.portside.core.IpFamily.IPV4
                ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
        channel.bind(new InetSocketAddress(a.toInetAddress(), port));
        return channel;
    }

    static int port(ServerSocketChannel channel) {
        return ((InetSocketAddress) channel.socket().getLocalSocketAddress()).getPort();
    }

    /** A port nothing listens on now (taken from the system, then given back). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /** The real sockets of this computer, through the scanner Portside uses here. */
    static Diagnose.SocketSource scanner() {
        return () -> {
            try (PortScanner s = Scanners.best()) {
                return s.scan().sockets();
            }
        };
    }

    static List<ListeningSocket> scanNow() {
        return scanner().listening();
    }

    /**
     * Leaves a connection in TIME_WAIT on the listener's port: the server side closes first (so its
     * side waits), then the client, then the listener. {@code ss -tan state time-wait} shows it.
     */
    static void leaveTimeWait(ServerSocketChannel listener, String address) throws IOException {
        int port = port(listener);
        try (Socket client = new Socket(InetAddress.getByName(address), port)) {
            listener.socket().accept().close(); // the server closes first: its side will wait in TIME_WAIT
            client.getInputStream().read(); // wait for the FIN, then close
        }
        listener.close();
    }

    /** An IPv4 address of this computer that is not loopback, if it has one. */
    static Optional<String> lanAddress() {
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp() || ni.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return Optional.of(a.getHostAddress());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.empty();
    }

    /** True in a private network namespace (tools/mvn-isolated.sh): loopback is the only interface. */
    static boolean onlyLoopback() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream().allMatch(ni -> {
                try {
                    return ni.isLoopback();
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs a command (no shell), waits at most 30 s, returns its exit code. */
    static int run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
