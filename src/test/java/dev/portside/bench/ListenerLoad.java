package dev.portside.bench;

import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds N TCP listeners on 127.0.0.1 until its standard input closes (or at most an hour), so the
 * app can be watched with a big table: {@code java -cp … dev.portside.bench.ListenerLoad 10000}.
 * With a second argument K it closes K listeners and opens K new ones every second (churn).
 */
public final class ListenerLoad {

    private ListenerLoad() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int churn = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        List<ServerSocketChannel> open = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            open.add(listen());
        }
        System.out.println("LISTENING " + open.size());
        System.out.flush();
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // wait for the end of input
                }
            } catch (Exception ignored) {
                // closed
            }
            System.exit(0);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        long end = System.nanoTime() + 3_600_000_000_000L;
        while (System.nanoTime() < end) {
            Thread.sleep(1000);
            for (int k = 0; k < churn; k++) {
                open.remove(0).close();
                open.add(listen());
            }
        }
        System.exit(0);
    }

    private static ServerSocketChannel listen() throws Exception {
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.INET);
        s.bind(new InetSocketAddress("127.0.0.1", 0), 4);
        return s;
    }
}
