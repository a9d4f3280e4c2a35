package dev.portside.diagnose;

/** What the user gave: a port, an address, a URL, or a pasted message (any other text). */
public enum InputKind {
    PORT("port"),
    ADDRESS("address"),
    URL("url"),
    MESSAGE("message");

    private final String id;

    InputKind(String id) {
        this.id = id;
    }

    /** The JSON name. */
    public String id() {
        return id;
    }
}
