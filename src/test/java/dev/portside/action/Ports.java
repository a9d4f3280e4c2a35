package dev.portside.action;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Instant;

/** Small checks on real loopback ports and processes for the action tests. */
final class Ports {

    private static final ProcessTerminator RULES = new ProcessTerminator();

    private Ports() {
    }

    /** True when something accepts connections on 127.0.0.1:port. */
    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 2000);
            // A connect to a free loopback port can, rarely, pick that same port as its own source
            // and connect to itself (TCP simultaneous open): that is not a listener.
            return s.getLocalPort() != port;
        } catch (IOException e) {
            return false;
        }
    }

    /** Running, a zombie not counted (its sockets are closed). */
    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(RULES::isRunning).orElse(false);
    }

    /** The target as the user would have seen it: pid plus the start time read now. */
    static KillTarget target(long pid) {
        ProcessHandle h = ProcessHandle.of(pid).orElseThrow();
        Instant start = h.info().startInstant().orElseThrow();
        return new KillTarget(pid, start, "java", h.info().user().orElse(""), "", h.parent().map(ProcessHandle::pid)
                .orElse(0L));
    }
}
