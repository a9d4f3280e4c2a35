package dev.portside.scan;

import dev.portside.platform.OsFamily;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the scanner for this machine and remembers why (for {@code portside doctor}): on Linux the
 * netlink fast path when the kernel answers it, else the /proc/net parser, else OSHI; elsewhere OSHI.
 * {@code --scanner oshi} forces OSHI for the whole process (window and command line).
 */
public final class Scanners {

    /** What the user asked for with {@code --scanner}. */
    public enum Mode {
        AUTO, OSHI;

        /** "auto" or "oshi" in any case; anything else is refused with the choices. */
        public static Mode parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown scanner '" + text + "' (choose auto or oshi)", e);
            }
        }
    }

    /** The scanner chosen and why, e.g. {@code linux-netlink} "netlink sock_diag answered". */
    public record Choice(String scanner, String reason) {
        @Override
        public String toString() {
            return scanner + " (" + reason + ")";
        }
    }

    private static volatile Mode mode = Mode.AUTO;
    private static volatile Choice lastChoice;

    private Scanners() {
    }

    /** Sets the mode for every later {@link #best()} in this process ({@code --scanner}). */
    public static void setMode(Mode newMode) {
        mode = Objects.requireNonNull(newMode);
    }

    public static Mode mode() {
        return mode;
    }

    /** The best scanner available here under the current mode. */
    public static PortScanner best() {
        return open(mode);
    }

    /** Opens a scanner for a mode and records the choice. */
    public static PortScanner open(Mode wanted) {
        if (wanted == Mode.OSHI) {
            return chose(new OshiPortScanner(), "forced with --scanner oshi");
        }
        if (!isLinux()) {
            return chose(new OshiPortScanner(), "the portable scanner for " + System.getProperty("os.name"));
        }
        String netlinkProblem;
        try {
            LinuxPortScanner netlink = LinuxPortScanner.netlink();
            try {
                netlink.probe();
                return chose(netlink, "netlink sock_diag answered");
            } catch (RuntimeException e) {
                netlink.close();
                throw e;
            }
        } catch (RuntimeException | LinkageError e) {
            netlinkProblem = "netlink refused: " + e.getMessage();
        }
        try {
            LinuxPortScanner proc = LinuxPortScanner.procNet();
            try {
                proc.probe();
                return chose(proc, netlinkProblem);
            } catch (RuntimeException e) {
                proc.close();
                throw e;
            }
        } catch (RuntimeException | LinkageError e) {
            return chose(new OshiPortScanner(), netlinkProblem + "; /proc/net unreadable: " + e.getMessage());
        }
    }

    /** The last choice made in this process, or null before the first scanner was opened. */
    public static Choice lastChoice() {
        return lastChoice;
    }

    private static PortScanner chose(PortScanner scanner, String reason) {
        lastChoice = new Choice(scanner.name(), reason);
        Log.LOG.debug("Scanner: {}", lastChoice);
        return scanner;
    }

    /** Set up on first use: a command that only asks for {@link #mode()} does not start logging. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Scanners.class);
    }

    private static boolean isLinux() {
        return OsFamily.current() == OsFamily.LINUX;
    }
}
