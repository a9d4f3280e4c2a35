package dev.portside.diagnose;

/** The stable codes of findings (JSON, scripts and tests rely on these names). */
public enum FindingCode {
    /** Something listens on the port; who, on which addresses. */
    LISTENING("listening"),
    /** Nothing listens: what "connection refused" means. */
    NOTHING_LISTENING("nothing-listening"),
    /** The server listens on one IP family (127.0.0.1) and the client tries the other (::1), or the reverse. */
    FAMILY_MISMATCH("family-mismatch"),
    /** The server listens on one interface address only, not where the client connects. */
    WRONG_INTERFACE("wrong-interface"),
    /** No listener, but the port's last connections wait out TIME_WAIT. */
    TIME_WAIT("time-wait"),
    /** A port an ordinary user's program may not bind here. */
    PRIVILEGED_PORT("privileged-port"),
    /** Held by a process of another user, which this user cannot end. */
    OTHER_USER("other-user"),
    /** Windows keeps the port for Hyper-V, WSL, Docker or WinNAT. */
    EXCLUDED_RANGE("excluded-range"),
    /** A part of the operating system holds it (macOS's AirPlay Receiver on 5000 and 7000). */
    SYSTEM_SERVICE("system-service"),
    /** A container publishes the port. */
    CONTAINER("container"),
    /** Something holds the port but did not accept a connection in time. */
    NO_ANSWER("no-answer"),
    /** The bind probe worked: a server can use the port. */
    BIND_OK("bind-ok"),
    /** The bind probe failed, with the system's error. */
    BIND_FAILED("bind-failed"),
    /** The text names another computer's address or a host name Portside does not look up. */
    NOT_THIS_COMPUTER("not-this-computer"),
    /** The socket table could not be read. */
    SCAN_FAILED("scan-failed");

    private final String id;

    FindingCode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
