package dev.portside.ui.detail;

import dev.portside.core.ListeningSocket;
import dev.portside.knowledge.AddressExplainer;
import dev.portside.knowledge.LikelyOwner;
import dev.portside.knowledge.OwnerDescriber;
import dev.portside.owner.OwnerFinder;
import dev.portside.platform.OsFamily;
import dev.portside.knowledge.Knowledge;
import dev.portside.poll.BackgroundRunner;
import dev.portside.scan.ProcessExtrasReader;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the detail pane needs from outside: the knowledge (may block while it loads), the address and
 * process look-ups (read the OS), the clock, and the runner that does the slow part in the background
 * and comes back to the FX thread. Tests pass a same-thread or hand-stepped runner and fixed data.
 */
public record DetailServices(Supplier<Knowledge> knowledge, AddressExplainer addresses, ProcessExtrasReader processes,
        OsFamily os, Clock clock, ZoneId zone, BackgroundRunner runner, OwnerFinder owners) {

    public DetailServices {
        Objects.requireNonNull(knowledge);
        Objects.requireNonNull(addresses);
        Objects.requireNonNull(processes);
        Objects.requireNonNull(os);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(zone);
        Objects.requireNonNull(runner);
        Objects.requireNonNull(owners);
    }

    /** Without owner facts (no container, service or project): for tests about the rest of the pane. */
    public DetailServices(Supplier<Knowledge> knowledge, AddressExplainer addresses, ProcessExtrasReader processes,
            OsFamily os, Clock clock, ZoneId zone, BackgroundRunner runner) {
        this(knowledge, addresses, processes, os, clock, zone, runner, OwnerFinder.none());
    }

    /** What a socket most likely is, with its owner's facts (reads the OS: on the runner only). */
    public LikelyOwner describe(ListeningSocket socket) {
        return knowledge.get().likelyOwner(socket, owners.find(socket));
    }

    /**
     * The real services: bundled knowledge, the OS, and a lane of {@code runner} (one explanation at
     * a time: a newer request makes the older one's result moot anyway).
     */
    public static DetailServices system(ZoneId zone, BackgroundRunner runner) {
        return new DetailServices(Knowledge::shared, AddressExplainer.system(), ProcessExtrasReader.system(),
                OsFamily.current(), Clock.systemUTC(), zone, runner.serial(), OwnerDescriber.shared().finder());
    }
}
