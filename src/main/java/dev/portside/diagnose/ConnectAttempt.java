package dev.portside.diagnose;

import dev.portside.core.IpAddress;
import java.util.Objects;

/**
 * One TCP connect to an address of this computer, closed at once, no data sent.
 *
 * @param address where
 * @param port the port
 * @param outcome what happened
 * @param errno the error, when it failed ({@link Errno#OTHER} otherwise)
 * @param detail the system's own words for a failure, or ""
 * @param millis how long it took
 */
public record ConnectAttempt(IpAddress address, int port, Outcome outcome, Errno errno, String detail, long millis) {

    public enum Outcome {
        /** Something accepted the connection. */
        CONNECTED("connected"),
        /** Nothing listens there: the system answered with a reset. */
        REFUSED("refused"),
        /** No answer within the time-out: a full queue, a stopped server, a firewall that drops. */
        TIMED_OUT("timed-out"),
        /** The attempt did not return in time and was abandoned. */
        CUT_OFF("cut-off"),
        /** Not tried: the address is not this computer's. */
        NOT_TRIED("not-tried"),
        /** Any other failure (address not available, family not supported). */
        FAILED("failed");

        private final String id;

        Outcome(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public ConnectAttempt {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(outcome, "outcome");
        errno = Objects.requireNonNullElse(errno, Errno.OTHER);
        detail = Objects.requireNonNullElse(detail, "");
    }

    public boolean connected() {
        return outcome == Outcome.CONNECTED;
    }

    /** {@code [::1]:3000}. */
    public String endpoint() {
        return address.withPort(port);
    }
}
