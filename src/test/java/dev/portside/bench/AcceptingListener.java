package dev.portside.bench;

import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The listener {@link CliBenchmark} asks about: one TCP socket on 127.0.0.1 that accepts every
 * connection and closes it at once, as a working server does, until its standard input closes.
 * {@code portside why PORT} connects to the port it is asked about: {@link ListenerLoad}'s
 * listeners never accept, so their queue (backlog 4) was full after a few rounds and every later
 * {@code why} waited a second for an answer that never came (1.27 s instead of 0.23 s).
 * Prints {@code LISTENING PORT}.
 */
public final class AcceptingListener {

    private AcceptingListener() {
    }

    public static void main(String[] args) throws Exception {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET);
        server.bind(new InetSocketAddress("127.0.0.1", 0), 64);
        System.out.println("LISTENING " + ((InetSocketAddress) server.getLocalAddress()).getPort());
        System.out.flush();
        Thread watchdog = new Thread(AcceptingListener::exitAtEndOfInput, "end-of-input");
        watchdog.setDaemon(true);
        watchdog.start();
        while (true) {
            try (SocketChannel c = server.accept()) {
                // accepted and closed: the client sees a server that answers
            }
        }
    }

    private static void exitAtEndOfInput() {
        try {
            while (System.in.read() >= 0) {
                // wait for the end of input
            }
        } catch (Exception ignored) {
            // closed
        }
        System.exit(0);
    }
}
