package dev.portside.scan;

/** Chooses the scanner for this machine. */
public final class Scanners {

    private Scanners() {
    }

    /** The best scanner available here. */
    public static PortScanner best() {
        return new OshiPortScanner();
    }
}
