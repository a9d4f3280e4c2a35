package dev.portside.action;

/** {@link Ports} for tests in other packages. */
public final class PortsCheck {

    private PortsCheck() {
    }

    public static boolean listening(int port) {
        return Ports.listening(port);
    }

    /** Running, a zombie not counted. */
    public static boolean alive(long pid) {
        return Ports.alive(pid);
    }
}
