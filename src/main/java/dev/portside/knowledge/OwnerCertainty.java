package dev.portside.knowledge;

/** How Portside knows what owns a socket. */
public enum OwnerCertainty {
    /**
     * Recognised from what the process is: its name or command line matched a known tool, or its
     * container engine, service unit or project manifest says so.
     */
    RECOGNISED_FROM_COMMAND_LINE("command-line"),
    /** Only the port number (and the socket's user) hints at the owner: it is hidden or not recognised. */
    GUESSED_FROM_PORT("port"),
    /** Neither the process nor the port tells. */
    UNKNOWN("unknown");

    private final String id;

    OwnerCertainty(String id) {
        this.id = id;
    }

    /** The word in JSON and CSV: "command-line", "port" or "unknown". */
    public String id() {
        return id;
    }
}
