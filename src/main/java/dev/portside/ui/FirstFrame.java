package dev.portside.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * Work the window's first frame need not wait for, such as tooltips: each is a popup window with a
 * scene of its own (60 of them cost the FX thread 60-80 ms at start), and nobody can point at a
 * control before the window shows. While the app starts ({@link #hold()}), what is handed to
 * {@link #later} waits; {@link #release()} (just after the first frame with the filled table, and when
 * the app stops) runs it, in order. At any other time, and in views built without the app (tests),
 * {@link #later} runs the work at once. FX thread only. docs/PERFORMANCE.md, "Start-up of the window".
 */
public final class FirstFrame {

    private static List<Runnable> held;

    private FirstFrame() {
    }

    /** From now until {@link #release()}, {@link #later} keeps what it is given. */
    public static void hold() {
        if (held == null) {
            held = new ArrayList<>();
        }
    }

    /** Runs what was kept, in order; from now on {@link #later} runs its work at once. */
    public static void release() {
        List<Runnable> work = held;
        held = null;
        if (work != null) {
            work.forEach(Runnable::run);
        }
    }

    /** True between {@link #hold()} and {@link #release()}. */
    public static boolean holding() {
        return held != null;
    }

    /** Runs {@code work} now, or after the first frame while the app starts. */
    public static void later(Runnable work) {
        if (held == null) {
            work.run();
        } else {
            held.add(work);
        }
    }
}
