package dev.portside.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portside.scan.LinuxPortScanner;
import dev.portside.scan.OshiPortScanner;
import dev.portside.scan.PortScanner;
import dev.portside.scan.ScanException;

/**
 * The real scanners a kill-then-watch test runs with: OSHI (every system) and, on Linux, the
 * production fast path ({@link LinuxPortScanner}, netlink where the kernel answers, else /proc/net).
 */
public enum ScannerKind {
    OSHI, LINUX;

    /** Opens the scanner, or skips the test (with the reason) where it does not exist. */
    public PortScanner open() {
        if (this == OSHI) {
            return new OshiPortScanner();
        }
        assumeTrue(System.getProperty("os.name", "").startsWith("Linux"), "LinuxPortScanner is Linux only");
        try {
            return LinuxPortScanner.netlink();
        } catch (ScanException e) {
            return LinuxPortScanner.procNet();
        }
    }
}
