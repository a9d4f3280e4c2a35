package dev.portside.platform;

import java.util.Locale;

/**
 * The kind of system Portside runs on. The one place that reads {@code os.name}: everything that
 * differs per system asks {@link HostSystem}, which picks its implementations by this.
 */
public enum OsFamily {
    LINUX, MACOS, WINDOWS, OTHER_UNIX;

    public static OsFamily current() {
        return of(System.getProperty("os.name", ""));
    }

    /** The family of an {@code os.name} value ("Linux", "Mac OS X", "Windows 11", "FreeBSD"). */
    public static OsFamily of(String osName) {
        String n = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("windows")) {
            return WINDOWS;
        }
        if (n.startsWith("mac") || n.startsWith("darwin")) {
            return MACOS;
        }
        return n.startsWith("linux") ? LINUX : OTHER_UNIX;
    }
}
