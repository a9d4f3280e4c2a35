package dev.portside.testing;

import dev.portside.platform.HostSystem;
import dev.portside.platform.ProcessEnding;
import java.util.function.LongFunction;

/**
 * This system's {@link ProcessEnding} with one fact replaced: what "may I end it?" answers, or
 * whether a process can be asked to close (false: Windows' rule, on a Linux test machine).
 */
public final class Endings {

    private Endings() {
    }

    /** Every process answers {@code access}. */
    public static ProcessEnding answering(ProcessEnding.Access access) {
        return with(pid -> access, true);
    }

    /** This pid is another user's (DENIED); every other answers as the system does. */
    public static ProcessEnding denying(long deniedPid) {
        ProcessEnding real = HostSystem.current().processEnding();
        return with(pid -> pid == deniedPid ? ProcessEnding.Access.DENIED : real.access(pid), true);
    }

    /**
     * What the confirmation is built from ({@link ProcessEnding#expectedAccess}, Linux's prediction
     * from /proc) says {@code expected}; the kernel's own answer right before a signal
     * ({@link ProcessEnding#access}) is {@code actual}: a security module refusing what the uids allow.
     */
    public static ProcessEnding predicting(ProcessEnding.Access expected, ProcessEnding.Access actual) {
        return with(pid -> actual, pid -> expected, true);
    }

    /** As on Windows: no way to ask a process to close, so ending is immediate. */
    public static ProcessEnding atOnce() {
        return with(HostSystem.current().processEnding()::access, false);
    }

    private static ProcessEnding with(LongFunction<ProcessEnding.Access> access, boolean canAsk) {
        return with(access, access, canAsk);
    }

    private static ProcessEnding with(LongFunction<ProcessEnding.Access> access,
            LongFunction<ProcessEnding.Access> expected, boolean canAsk) {
        ProcessEnding real = HostSystem.current().processEnding();
        return new ProcessEnding() {
            @Override
            public boolean canAskToClose() {
                return canAsk;
            }

            @Override
            public Access access(long pid) {
                return access.apply(pid);
            }

            @Override
            public Access expectedAccess(long pid) {
                return expected.apply(pid);
            }

            @Override
            public boolean hasEnded(ProcessHandle process) {
                return real.hasEnded(process);
            }
        };
    }
}
