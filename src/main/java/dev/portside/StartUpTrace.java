package dev.portside;

import java.lang.management.ManagementFactory;

/**
 * The window's start-up, step by step, for whoever profiles it: with {@code -Dportside.startupTrace=true}
 * each step prints one line to stderr (milliseconds after the JVM started, the thread and its CPU
 * time so far). Off, a step costs one boolean test. docs/PERFORMANCE.md, "Start-up of the window".
 */
final class StartUpTrace {

    private static final boolean ON = Boolean.getBoolean("portside.startupTrace");

    private StartUpTrace() {
    }

    static void mark(String step) {
        if (ON) {
            long since = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
            System.err.println("startup " + since + " ms: " + step + " [" + Thread.currentThread().getName()
                    + ", CPU " + cpu + " ms]");
        }
    }
}
