package dev.portside.owner;

import dev.portside.core.SocketUser;
import dev.portside.platform.OsFamily;

/**
 * Who runs Portside, as far as hidden owners are concerned: for root (or an administrator) a hidden
 * owner is not another user's process but one in another PID namespace (a container), and advice
 * to use sudo would be wrong.
 */
public final class Viewer {

    private Viewer() {
    }

    /**
     * True when Portside runs as root. The JVM sets {@code user.name} from the real uid at start,
     * so this reads nothing (it is asked on the FX thread).
     */
    public static boolean isRoot() {
        return isRoot(System.getProperty("user.name"));
    }

    /**
     * True when the kernel names this socket's user as the user Portside runs as. A socket of one's
     * own user can still be hidden: a program that started as root and switched to this user (a
     * daemon dropping its rights, memcached -u) is protected by the system from its new user, and
     * so is one in another PID namespace (a rootless container, a sandbox).
     */
    public static boolean isViewer(SocketUser user) {
        return user.known() && !user.name().isEmpty() && user.name().equals(System.getProperty("user.name"));
    }

    private static boolean isRoot(String userName) {
        return OsFamily.current() != OsFamily.WINDOWS && "root".equals(userName);
    }
}
