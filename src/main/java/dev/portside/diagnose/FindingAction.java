package dev.portside.diagnose;

import java.util.Objects;

/**
 * Something the user can do about a finding with one click (the window) or by hand (the terminal).
 *
 * @param kind what it does
 * @param value the port, the URL or the command
 * @param detail what the button names besides the value (the container's name), or ""
 */
public record FindingAction(Kind kind, String value, String detail) {

    public enum Kind {
        /** End the holder of the port, through the usual confirmation. */
        FREE_PORT("free-port"),
        /** Stop the container that publishes the port, through the actions' confirmation (value: the port). */
        STOP_CONTAINER("stop-container"),
        OPEN_URL("open-url"),
        COPY_URL("copy-url"),
        /** Copy a command to run ({@code docker stop web}). */
        COPY_COMMAND("copy-command");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public FindingAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        detail = Objects.requireNonNullElse(detail, "");
    }

    public FindingAction(Kind kind, String value) {
        this(kind, value, "");
    }
}
