package dev.portside.diagnose;

import dev.portside.core.IpAddress;
import java.util.Objects;

/**
 * One bind of a port on an address of this computer, released at once ("Can my server use it?").
 *
 * @param address where
 * @param port the port
 * @param bound true when the bind worked
 * @param errno why not, when it failed
 * @param detail the system's own words for the failure, or ""
 */
public record BindAttempt(IpAddress address, int port, boolean bound, Errno errno, String detail) {

    public BindAttempt {
        Objects.requireNonNull(address, "address");
        errno = bound ? Errno.OTHER : Objects.requireNonNullElse(errno, Errno.OTHER);
        detail = Objects.requireNonNullElse(detail, "");
    }

    public String endpoint() {
        return address.withPort(port);
    }
}
