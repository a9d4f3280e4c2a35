package dev.portside.bench;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;

/**
 * The CPU time (user and system) of this JVM's children that ended and were waited for, from
 * {@code getrusage(RUSAGE_CHILDREN)} (microseconds; /proc's tick counts are 10 ms): the difference
 * across one command is that command's CPU time. NaN where the C library cannot be called.
 */
final class ChildrenCpu {

    private interface C extends Library {
        int getrusage(int who, Memory usage);
    }

    private static final C LIBC = load();
    private static final int RUSAGE_CHILDREN = -1;

    private ChildrenCpu() {
    }

    static double millis() {
        if (LIBC == null) {
            return Double.NaN;
        }
        Memory usage = new Memory(144); // struct rusage on 64-bit Linux: two timevals, then 14 longs
        if (LIBC.getrusage(RUSAGE_CHILDREN, usage) != 0) {
            return Double.NaN;
        }
        long micros = usage.getLong(0) * 1_000_000L + usage.getLong(8) + usage.getLong(16) * 1_000_000L
                + usage.getLong(24);
        return micros / 1000.0;
    }

    private static C load() {
        try {
            return Native.load("c", C.class);
        } catch (LinkageError | RuntimeException e) {
            return null;
        }
    }
}
