package dev.portside.platform;

import java.util.Objects;

/**
 * What Linux and macOS share in ending a process: a process can be asked to close (SIGTERM), and
 * whether this account may signal it is {@code kill(pid, 0)}'s answer. How a zombie is seen differs
 * ({@link ProcessEndingLinux}, {@link ProcessEndingMac}).
 */
abstract class ProcessEndingUnix implements ProcessEnding {

    private final ProcessEndingSignals.Probe kill;

    ProcessEndingUnix(ProcessEndingSignals.Probe kill) {
        this.kill = Objects.requireNonNull(kill);
    }

    @Override
    public final boolean canAskToClose() {
        return true;
    }

    @Override
    public final Access access(long pid) {
        return ProcessEndingSignals.access(kill, pid);
    }
}
