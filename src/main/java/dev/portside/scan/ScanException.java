package dev.portside.scan;

/** A scan failed as a whole (not one socket or one process: those are skipped). */
public class ScanException extends RuntimeException {

    public ScanException(String message, Throwable cause) {
        super(message, cause);
    }

    public ScanException(String message) {
        super(message);
    }
}
