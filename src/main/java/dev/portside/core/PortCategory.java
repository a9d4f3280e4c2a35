package dev.portside.core;

/**
 * The three port ranges of RFC 6335 section 6: system (well-known), user (registered) and
 * dynamic/private ports.
 */
public enum PortCategory {
    WELL_KNOWN("well-known", 0, 1023),
    REGISTERED("registered", 1024, 49151),
    DYNAMIC("dynamic", 49152, 65535);

    public static final int MAX_PORT = 65535;

    private final String id;
    private final int first;
    private final int last;

    PortCategory(String id, int first, int last) {
        this.id = id;
        this.first = first;
        this.last = last;
    }

    /** The category of a port number. */
    public static PortCategory of(int port) {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("not a port number: " + port);
        }
        if (port <= WELL_KNOWN.last) {
            return WELL_KNOWN;
        }
        return port <= REGISTERED.last ? REGISTERED : DYNAMIC;
    }

    /** Stable lower-case id: "well-known", "registered", "dynamic" (JSON, CSS, resource keys). */
    public String id() {
        return id;
    }

    public int first() {
        return first;
    }

    public int last() {
        return last;
    }

    /** The CSS style class a table row of this category carries, e.g. {@code port-well-known}. */
    public String styleClass() {
        return "port-" + id;
    }
}
