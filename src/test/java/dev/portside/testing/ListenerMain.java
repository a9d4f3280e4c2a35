package dev.portside.testing;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The program a {@link ChildJvm} runs: opens the sockets its arguments ask for on loopback, prints
 * "LISTENING port1 port2 …" on one line, then waits until its standard input closes or says "exit".
 *
 * <p>Arguments: {@code tcp} (TCP on 127.0.0.1, any port), {@code tcp6} (on ::1), {@code udp}
 * (UDP on 127.0.0.1), {@code tcp:PORT} (a given port), {@code tcp-reuse:PORT} / {@code udp-reuse:PORT}
 * (with SO_REUSEPORT, so that unrelated processes can listen on the same port, 0 for any),
 * {@code --ignore-term} (a shutdown hook that never returns, so only a forced kill ends it),
 * {@code --child ARGS…} (start a grandchild JVM with the remaining arguments, print its pid as
 * "CHILD pid", and let it hold the sockets), {@code --also-child ARGS…} (the same, but this process
 * keeps the sockets it opened before, and prints only those), {@code --drop-to UID} (after starting
 * any child, become that user and group, still readable by it: the kernel then lets that user see
 * its sockets), {@code --keep} (keep running when standard input closes, e.g. when the parent that
 * started it ends; "exit" still ends it).
 *
 * <p>Standard input: {@code exit} ends it; {@code spawn ARGS…} starts another child JVM with those
 * arguments now and prints "SPAWNED pid".
 */
public final class ListenerMain {

    private ListenerMain() {
    }

    public static void main(String[] args) throws Exception {
        List<AutoCloseable> held = new ArrayList<>();
        boolean keep = false;
        int dropTo = -1;
        List<String> ports = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--keep")) {
                keep = true;
            } else if (a.equals("--drop-to")) {
                dropTo = Integer.parseInt(args[++i]);
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
            } else if (a.equals("--child") || a.equals("--also-child")) {
                List<String> rest = List.of(args).subList(i + 1, args.length);
                ChildJvm grandchild = ChildJvm.start(rest.toArray(String[]::new));
                System.out.println("CHILD " + grandchild.pid());
                if (a.equals("--child")) {
                    ports.addAll(grandchild.ports().stream().map(String::valueOf).toList());
                }
                break;
            } else {
                open(a, held, ports);
            }
        }
        if (dropTo >= 0) {
            becomeUser(dropTo);
        }
        System.out.println("LISTENING " + String.join(" ", ports));
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        boolean exitAsked = false;
        while ((line = in.readLine()) != null) {
            String command = line.strip();
            if (command.equals("exit")) {
                exitAsked = true;
                break;
            }
            if (command.startsWith("spawn ")) {
                ChildJvm later = ChildJvm.start(command.substring(6).strip().split("\\s+"));
                System.out.println("SPAWNED " + later.pid());
                System.out.flush();
            }
        }
        if (keep && !exitAsked) {
            new java.util.concurrent.CountDownLatch(1).await(); // until killed
        }
        for (AutoCloseable c : held) {
            c.close();
        }
    }

    private static void open(String kind, List<AutoCloseable> held, List<String> ports) throws Exception {
        String[] parts = kind.split(":");
        int port = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        InetAddress v4 = InetAddress.getByName("127.0.0.1");
        switch (parts[0]) {
            case "tcp" -> {
                ServerSocket s = new ServerSocket(port, 50, v4);
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
            case "tcp-reuse" -> {
                ServerSocketChannel c = ServerSocketChannel.open();
                c.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                c.bind(new InetSocketAddress(v4, port), 50);
                held.add(c);
                ports.add(String.valueOf(((InetSocketAddress) c.getLocalAddress()).getPort()));
            }
            case "udp-reuse" -> {
                DatagramChannel c = DatagramChannel.open();
                c.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                c.bind(new InetSocketAddress(v4, port));
                held.add(c);
                ports.add(String.valueOf(((InetSocketAddress) c.getLocalAddress()).getPort()));
            }
            default -> throw new IllegalArgumentException("unknown socket kind: " + kind);
        }
    }

    /**
     * Becomes another user (all of real, effective and saved ids, and its group, no extra groups),
     * and stays "dumpable", as a process started by that user is, so that user may read its /proc
     * entries (the kernel clears the flag on a change of user).
     */
    private static void becomeUser(int uid) {
        Posix c = Native.load("c", Posix.class);
        if (c.setgroups(0, null) != 0 || c.setresgid(uid, uid, uid) != 0 || c.setresuid(uid, uid, uid) != 0
                || c.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0) != 0) {
            throw new IllegalStateException("could not become uid " + uid + " (errno " + Native.getLastError() + ")");
        }
    }

    private static final int PR_SET_DUMPABLE = 4;

    /** The C library calls that change this process's user (glibc applies them to every thread). */
    private interface Posix extends Library {
        int setgroups(long size, Pointer list);

        int setresgid(int real, int effective, int saved);

        int setresuid(int real, int effective, int saved);

        int prctl(int option, long arg2, long arg3, long arg4, long arg5);
    }
}
