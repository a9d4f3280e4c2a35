package dev.portside.core;

/** Transport protocol of a socket. */
public enum Protocol {
    TCP("tcp"),
    UDP("udp");

    private final String id;

    Protocol(String id) {
        this.id = id;
    }

    /** Lower-case name used in JSON and on the command line ("tcp", "udp"). */
    public String id() {
        return id;
    }

    /** Upper-case name shown in the table ("TCP", "UDP"). */
    public String label() {
        return name();
    }
}
