package dev.portside.owner;

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
        return OsFamily.current() != OsFamily.WINDOWS && "root".equals(System.getProperty("user.name"));
    }
}
