package dev.portside.diagnose;

import dev.portside.platform.OsFamily;
import dev.portside.knowledge.Texts;
import java.util.Locale;

/**
 * The socket errors a probe meets, by their C names, with the number each system gives them. Java
 * does not expose the number; its exception message is the system's own text for it
 * ({@code strerror}, or {@code FormatMessage} on Windows), which is read back here.
 */
public enum Errno {
    EADDRINUSE(98, 48, 10048, "address already in use", "only one usage of each socket address"),
    EACCES(13, 13, 10013, "permission denied", "forbidden by its access permissions"),
    EADDRNOTAVAIL(99, 49, 10049, "cannot assign requested address", "can't assign requested address",
            "requested address is not valid"),
    ECONNREFUSED(111, 61, 10061, "connection refused", "actively refused"),
    ETIMEDOUT(110, 60, 10060, "timed out"),
    ENETUNREACH(101, 51, 10051, "network is unreachable", "network unreachable"),
    EHOSTUNREACH(113, 65, 10065, "no route to host", "host is unreachable", "host unreachable"),
    EAFNOSUPPORT(97, 47, 10047, "address family not supported", "protocol family unavailable",
            "protocol family not supported"),
    /** A failure whose words are none of the above (the text is kept as the detail). */
    OTHER(-1, -1, -1);

    private final int linux;
    private final int mac;
    private final int windows;
    private final String[] words;

    Errno(int linux, int mac, int windows, String... words) {
        this.linux = linux;
        this.mac = mac;
        this.windows = windows;
        this.words = words;
    }

    /** The error a Java exception message names ("Address already in use", "Permission denied: bind"). */
    public static Errno ofMessage(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        for (Errno e : values()) {
            for (String w : e.words) {
                if (m.contains(w)) {
                    return e;
                }
            }
        }
        return OTHER;
    }

    /** The number this system gives the error (98 for EADDRINUSE on Linux, 48 on macOS, 10048 on Windows). */
    public int number(OsFamily os) {
        return switch (os) {
            case WINDOWS -> windows;
            case MACOS -> mac;
            default -> linux;
        };
    }

    /** {@code EADDRINUSE (98): the address is already in use}: the name, the number and what it means. */
    public String inWords(OsFamily os) {
        if (this == OTHER) {
            return Texts.get("diagnose.errno.OTHER");
        }
        String name = os == OsFamily.WINDOWS ? "WSA" + name() : name();
        return Texts.get("diagnose.errno.named", name, String.valueOf(number(os)), Texts.get("diagnose.errno." + name()));
    }
}
