package dev.portside.diagnose;

/**
 * A range of ports Windows keeps from programs ({@code netsh int ipv4 show excludedportrange}).
 *
 * @param first the first port
 * @param last the last port (inclusive)
 * @param administered true for an exclusion someone added on purpose (marked {@code *}), false for
 *     one that Hyper-V, WSL, Docker or WinNAT reserved
 */
public record PortRange(int first, int last, boolean administered) {

    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    /** "50000–50059", or "5357" for a range of one. */
    public String label() {
        return first == last ? String.valueOf(first) : first + "\u2013" + last;
    }
}
