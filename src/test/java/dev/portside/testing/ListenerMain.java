package dev.portside.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The program a {@link ChildJvm} runs: opens the sockets its arguments ask for on loopback, prints
 * "LISTENING port1 port2 …" on one line, then waits until its standard input closes or says "exit".
 *
 * <p>Arguments: {@code tcp} (TCP on 127.0.0.1, any port), {@code tcp6} (on ::1), {@code udp}
 * (UDP on 127.0.0.1), {@code tcp:PORT} (a given port), {@code --ignore-term} (a shutdown hook that
 * never returns, so only a forced kill ends it), {@code --child ARGS…} (start a grandchild JVM with
 * the remaining arguments, print its pid as "CHILD pid", and let it hold the sockets), {@code --keep}
 * (keep running when standard input closes, e.g. when the parent that started it ends; "exit" still
 * ends it).
 */
public final class ListenerMain {

    private ListenerMain() {
    }

    public static void main(String[] args) throws Exception {
        List<AutoCloseable> held = new ArrayList<>();
        boolean keep = false;
        List<String> ports = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--keep")) {
                keep = true;
            } else if (a.equals("--ignore-term")) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    Object never = new Object();
                    synchronized (never) {
                        try {
                            never.wait();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }));
            } else if (a.equals("--child")) {
                List<String> rest = List.of(args).subList(i + 1, args.length);
                ChildJvm grandchild = ChildJvm.start(rest.toArray(String[]::new));
                System.out.println("CHILD " + grandchild.pid());
                ports.addAll(grandchild.ports().stream().map(String::valueOf).toList());
                break;
            } else {
                String[] parts = a.split(":");
                int port = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
                switch (parts[0]) {
                    case "tcp" -> {
                        ServerSocket s = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
                        held.add(s);
                        ports.add(String.valueOf(s.getLocalPort()));
                    }
                    case "tcp6" -> {
                        ServerSocket s = new ServerSocket(port, 50, InetAddress.getByName("::1"));
                        held.add(s);
                        ports.add(String.valueOf(s.getLocalPort()));
                    }
                    case "udp" -> {
                        DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", port));
                        held.add(s);
                        ports.add(String.valueOf(s.getLocalPort()));
                    }
                    default -> throw new IllegalArgumentException("unknown socket kind: " + a);
                }
            }
        }
        System.out.println("LISTENING " + String.join(" ", ports));
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        boolean exitAsked = false;
        while ((line = in.readLine()) != null) {
            if (line.strip().equals("exit")) {
                exitAsked = true;
                break;
            }
        }
        if (keep && !exitAsked) {
            new java.util.concurrent.CountDownLatch(1).await(); // until killed
        }
        for (AutoCloseable c : held) {
            c.close();
        }
    }
}
