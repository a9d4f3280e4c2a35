package dev.portside.scan;

import dev.portside.platform.OsFamily;
import java.io.File;
import java.time.Clock;

/**
 * The scanner for one command in a terminal ({@code who}, {@code list}, {@code free}): the cheapest
 * way to the same answer as {@link Scanners#best()}. On Linux it reads /proc/net once and finds the
 * owners with plain Java file calls: loading JNA for netlink (what the window's steady poll uses,
 * where it pays off over thousands of polls) costs more than the whole scan of one command. Given a
 * port, it keeps only that port's sockets, so it reads the details of their owners only. The owners
 * are the same processes either way: finding them means reading every fd link of every process,
 * which this scan does as the steady one's first poll does ({@code OneShotScanTest} compares them).
 * Elsewhere, with {@code --scanner oshi}, or where /proc/net cannot be read, it is
 * {@link Scanners#best()}.
 */
public final class OneShotScan {

    /** Every port. */
    public static final int ALL_PORTS = 0;

    private OneShotScan() {
    }

    /** A scanner for the sockets on {@code port} (or {@link #ALL_PORTS}); it may be polled again. */
    public static PortScanner open(int port) {
        if (Scanners.mode() == Scanners.Mode.AUTO && isLinux() && new File("/proc/net/tcp").canRead()) {
            return proc("/proc", port);
        }
        return Scanners.best();
    }

    /** The /proc scanner without native calls, for a /proc at {@code root} (tests). */
    static LinuxPortScanner proc(String root, int port) {
        SocketSource source = new ProcNetSocketSource(root);
        return new LinuxPortScanner(port == ALL_PORTS ? source : new OnePort(source, port), new ProcFs(root, false),
                Clock.systemUTC(), NanoClock.SYSTEM, LinuxPortScanner.MIN_RESCAN_GAP, LinuxPortScanner.REFRESH);
    }

    private static boolean isLinux() {
        return OsFamily.current() == OsFamily.LINUX;
    }

    /** The rows of one port only: nothing else is looked up. */
    private static final class OnePort implements SocketSource, SocketRows.RowFilter {

        private final SocketSource all;
        private final int port;

        OnePort(SocketSource all, int port) {
            this.all = all;
            this.port = port;
        }

        @Override
        public void read(SocketRows rows) {
            all.read(rows);
            rows.retain(this);
        }

        @Override
        public boolean keep(byte protocol, int rowPort, long inode) {
            return rowPort == port;
        }

        @Override
        public String name() {
            return all.name();
        }

        @Override
        public void close() {
            all.close();
        }
    }
}
