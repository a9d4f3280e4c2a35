package dev.portside.knowledge;

import java.util.Locale;

/** The operating system the "check it yourself" commands are written for. */
public enum HostOs {
    LINUX, MACOS, WINDOWS, OTHER_UNIX;

    public static HostOs current() {
        return of(System.getProperty("os.name", ""));
    }

    static HostOs of(String osName) {
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("windows")) {
            return WINDOWS;
        }
        if (n.startsWith("mac") || n.startsWith("darwin")) {
            return MACOS;
        }
        return n.startsWith("linux") ? LINUX : OTHER_UNIX;
    }
}
