package dev.portside.action;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * A stand-in for the one case a real process cannot show in a test run as root: a process that the
 * permission check let through and whose signal the system still refuses (it changed hands in
 * between). The real "another user's process" cases run with real users (PermissionDeniedTest).
 */
final class OtherUsersHandles {

    private OtherUsersHandles() {
    }

    static ProcessHandle refusingEverySignal(long pid, Instant start, String user) {
        return new OtherUsersProcess(pid, start, user);
    }

    /** A running process of another user: the system refuses every signal to it. */
    private static final class OtherUsersProcess implements ProcessHandle {
        private final long pid;
        private final Instant start;
        private final String user;

        OtherUsersProcess(long pid, Instant start, String user) {
            this.pid = pid;
            this.start = start;
            this.user = user;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public Optional<ProcessHandle> parent() {
            return Optional.empty();
        }

        @Override
        public Stream<ProcessHandle> children() {
            return Stream.empty();
        }

        @Override
        public Stream<ProcessHandle> descendants() {
            return Stream.empty();
        }

        @Override
        public Info info() {
            return new Info() {
                @Override
                public Optional<String> command() {
                    return Optional.of("/usr/lib/postgresql/bin/postgres");
                }

                @Override
                public Optional<String> commandLine() {
                    return Optional.empty();
                }

                @Override
                public Optional<String[]> arguments() {
                    return Optional.empty();
                }

                @Override
                public Optional<Instant> startInstant() {
                    return Optional.of(start);
                }

                @Override
                public Optional<Duration> totalCpuDuration() {
                    return Optional.empty();
                }

                @Override
                public Optional<String> user() {
                    return Optional.of(user);
                }
            };
        }

        @Override
        public CompletableFuture<ProcessHandle> onExit() {
            return new CompletableFuture<>();
        }

        @Override
        public boolean supportsNormalTermination() {
            return true;
        }

        @Override
        public boolean destroy() {
            return false;
        }

        @Override
        public boolean destroyForcibly() {
            return false;
        }

        @Override
        public boolean isAlive() {
            return true;
        }

        @Override
        public int compareTo(ProcessHandle other) {
            return Long.compare(pid, other.pid());
        }
    }
}
