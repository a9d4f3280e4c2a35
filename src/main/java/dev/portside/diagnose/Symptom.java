package dev.portside.diagnose;

/** What a pasted message says went wrong, in the words of the socket API. */
public enum Symptom {
    /** EADDRINUSE, Errno 98/48, 10048: a server could not bind the port. */
    IN_USE("in-use", Intent.BIND),
    /** EACCES, Errno 13, 10013: the system would not let the program bind the port. */
    PERMISSION_DENIED("permission-denied", Intent.BIND),
    /** EADDRNOTAVAIL, Errno 99/49, 10049: the address is not one of this computer's. */
    ADDRESS_NOT_AVAILABLE("address-not-available", Intent.BIND),
    /** ECONNREFUSED, Errno 111/61, 10061, "refused to connect": nothing accepted the connection. */
    REFUSED("refused", Intent.CONNECT),
    /** ETIMEDOUT: no answer at all (a firewall, or a server that does not accept). */
    TIMED_OUT("timed-out", Intent.CONNECT),
    /** A database's local socket file is missing: its server is not running. */
    SOCKET_FILE_MISSING("socket-file-missing", Intent.CONNECT),
    /** The text names no known error. */
    NONE("none", Intent.ANY);

    /** Whether the user's program was trying to listen (bind) or to connect. */
    public enum Intent {
        BIND, CONNECT, ANY
    }

    private final String id;
    private final Intent intent;

    Symptom(String id, Intent intent) {
        this.id = id;
        this.intent = intent;
    }

    /** The JSON name. */
    public String id() {
        return id;
    }

    public Intent intent() {
        return intent;
    }
}
