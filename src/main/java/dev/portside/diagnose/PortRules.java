package dev.portside.diagnose;

import dev.portside.core.IpAddress;
import dev.portside.platform.OsFamily;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Which ports an ordinary program may bind here. Linux reserves the ports below
 * {@code /proc/sys/net/ipv4/ip_unprivileged_port_start} (1024 unless changed) for programs with
 * CAP_NET_BIND_SERVICE (root has it); macOS (since 10.14) reserves the ports below 1024 only on
 * specific addresses, not on 0.0.0.0; Windows reserves none (it has excluded ranges instead).
 *
 * @param os the system
 * @param unprivilegedStart the first port anyone may bind (0: every port)
 * @param mayBindLowPorts true when this process may bind below it (root, or the capability)
 * @param user this process's user name
 */
public record PortRules(OsFamily os, int unprivilegedStart, boolean mayBindLowPorts, String user) {

    static final int CAP_NET_BIND_SERVICE = 10;

    public PortRules {
        Objects.requireNonNull(os, "os");
        user = Objects.requireNonNullElse(user, "");
    }

    public static PortRules forThisMachine() {
        OsFamily os = OsFamily.current();
        String user = System.getProperty("user.name", "");
        return switch (os) {
            case LINUX -> new PortRules(os, linuxStart(Path.of("/proc/sys/net/ipv4/ip_unprivileged_port_start")),
                    linuxMayBindLowPorts(Path.of("/proc/self/status")), user);
            case MACOS, OTHER_UNIX -> new PortRules(os, 1024, "root".equals(user), user);
            case WINDOWS -> new PortRules(os, 0, true, user);
        };
    }

    /** True when an ordinary user's program could not bind the port on that address here. */
    public boolean reserved(int port, IpAddress address) {
        if (port >= unprivilegedStart) {
            return false;
        }
        // macOS lets anyone bind a low port on every address (0.0.0.0, ::), not on a specific one.
        return os != OsFamily.MACOS || address == null || !address.unmapped().isWildcard();
    }

    /** True when this process, as it runs now, would be refused the port on that address. */
    public boolean refusesMe(int port, IpAddress address) {
        return reserved(port, address) && !mayBindLowPorts;
    }

    static int linuxStart(Path file) {
        // One read with room to spare: /proc/sys files report size 0, and Files.readString then reads
        // them in steps whose second step finds nothing ("1" instead of "1024").
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64];
            int n = in.read(buffer);
            return Integer.parseInt(new String(buffer, 0, Math.max(0, n), StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException | SecurityException e) {
            return 1024; // the kernel's default
        }
    }

    /** CapEff of /proc/self/status: root has every capability, setcap'ed programs have this one. */
    static boolean linuxMayBindLowPorts(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("CapEff:")) {
                    long caps = Long.parseUnsignedLong(line.substring(7).strip(), 16);
                    return (caps & (1L << CAP_NET_BIND_SERVICE)) != 0;
                }
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            // fall through
        }
        return "root".equals(System.getProperty("user.name"));
    }
}
