package dev.portside.scan;

import java.util.function.LongSupplier;

/**
 * {@link System#nanoTime()} as a {@link LongSupplier}, a class rather than {@code System::nanoTime}:
 * a one-shot scan links no lambda (docs/PERFORMANCE.md, step 27). Tests give the scanner clocks of
 * their own.
 */
final class NanoClock implements LongSupplier {

    static final NanoClock SYSTEM = new NanoClock();

    private NanoClock() {
    }

    @Override
    public long getAsLong() {
        return System.nanoTime();
    }
}
