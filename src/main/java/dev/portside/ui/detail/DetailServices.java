package dev.portside.ui.detail;

import dev.portside.knowledge.AddressExplainer;
import dev.portside.platform.OsFamily;
import dev.portside.knowledge.Knowledge;
import dev.portside.scan.ProcessExtrasReader;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * What the detail pane needs from outside: the knowledge (may block while it loads), the address and
 * process look-ups (read the OS), the clock, and two executors: {@code background} for everything
 * slow, {@code fx} to come back to the FX thread. Tests pass same-thread executors and fixed data.
 */
public record DetailServices(Supplier<Knowledge> knowledge, AddressExplainer addresses, ProcessExtrasReader processes,
        OsFamily os, Clock clock, ZoneId zone, Executor background, Executor fx) {

    private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "portside-detail");
        t.setDaemon(true);
        return t;
    });

    public DetailServices {
        Objects.requireNonNull(knowledge);
        Objects.requireNonNull(addresses);
        Objects.requireNonNull(processes);
        Objects.requireNonNull(os);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(zone);
        Objects.requireNonNull(background);
        Objects.requireNonNull(fx);
    }

    /** The real services: bundled knowledge, the OS, one background thread, results delivered on {@code fx}. */
    public static DetailServices system(ZoneId zone, Executor fx) {
        return new DetailServices(Knowledge::shared, AddressExplainer.system(), ProcessExtrasReader.system(),
                OsFamily.current(), Clock.systemUTC(), zone, BACKGROUND, fx);
    }
}
