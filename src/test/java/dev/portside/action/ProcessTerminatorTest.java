package dev.portside.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.testing.ChildJvm;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProcessTerminatorTest {

    /** Long enough for a child to end gracefully on a busy machine; the wait ends when it does. */
    private final ProcessTerminator terminator = new ProcessTerminator(Duration.ofSeconds(15));
    /** For children that ignore the graceful request: the grace period is all waiting. */
    private final ProcessTerminator impatient = new ProcessTerminator(Duration.ofMillis(1500));

    @Test
    void endsAChildGracefully() {
        try (ChildJvm child = ChildJvm.start("tcp")) {
            Termination result = terminator.terminate(Ports.target(child.pid()), KillOptions.GRACEFUL,
                    ForceConsent.NEVER, KillProgress.NONE);

            assertThat(result).isInstanceOfSatisfying(Termination.Ended.class, e -> {
                assertThat(e.forced()).isFalse();
                assertThat(e.endedPids()).containsExactly(child.pid());
            });
            assertThat(Ports.alive(child.pid())).isFalse();
            assertThat(Ports.listening(child.port())).isFalse();
        }
    }

    @Test
    void forceEndsAChildThatIgnoresTheGracefulRequest() {
        try (ChildJvm child = ChildJvm.start("--ignore-term", "tcp")) {
            AtomicInteger progressCalls = new AtomicInteger();
            Termination result = impatient.terminate(Ports.target(child.pid()), new KillOptions(false, true),
                    ForceConsent.NEVER, (t, waited, limit) -> progressCalls.incrementAndGet());

            assertThat(result).isInstanceOfSatisfying(Termination.Ended.class, e -> assertThat(e.forced()).isTrue());
            assertThat(Ports.alive(child.pid())).isFalse();
            assertThat(progressCalls.get()).as("the wait is reported while it lasts").isGreaterThan(1);
        }
    }

    @Test
    void asksBeforeForcingAndLeavesItRunningWhenTheAnswerIsNo() {
        try (ChildJvm child = ChildJvm.start("--ignore-term", "tcp")) {
            KillTarget target = Ports.target(child.pid());
            AtomicInteger asked = new AtomicInteger();
            Termination declined = impatient.terminate(target, KillOptions.GRACEFUL, (t, running) -> {
                asked.incrementAndGet();
                assertThat(running).containsExactly(child.pid());
                return false;
            }, KillProgress.NONE);

            assertThat(asked.get()).isEqualTo(1);
            assertThat(declined).isInstanceOf(Termination.NotEnded.class);
            assertThat(declined.message()).contains("pid " + child.pid()).contains("still running");
            assertThat(Ports.alive(child.pid())).isTrue();

            Termination agreed = impatient.terminate(target, KillOptions.GRACEFUL, (t, running) -> true,
                    KillProgress.NONE);
            assertThat(agreed).isInstanceOfSatisfying(Termination.Ended.class, e -> assertThat(e.forced()).isTrue());
            assertThat(Ports.alive(child.pid())).isFalse();
        }
    }

    @Test
    void signalsNothingWhenTheStartTimeNoLongerMatches() {
        try (ChildJvm child = ChildJvm.start("tcp")) {
            KillTarget seen = Ports.target(child.pid());
            // The pid the user confirmed, but a process that started at another time: a reused pid.
            KillTarget stale = seen.withStartTime(seen.startTime().minusSeconds(5));

            Termination result = terminator.terminate(stale, new KillOptions(true, true), (t, r) -> true,
                    KillProgress.NONE);

            assertThat(result).isInstanceOfSatisfying(Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(Refused.Reason.IDENTITY_CHANGED));
            assertThat(result.message()).contains("changed since you looked");
            assertThat(Ports.alive(child.pid())).as("nothing was signalled").isTrue();
            assertThat(Ports.listening(child.port())).isTrue();
        }
    }

    @Test
    void toleratesClockGranularityInTheStartTime() {
        try (ChildJvm child = ChildJvm.start("tcp")) {
            KillTarget seen = Ports.target(child.pid());
            KillTarget rounded = seen.withStartTime(seen.startTime().plusMillis(400));

            Termination result = terminator.terminate(rounded, KillOptions.GRACEFUL, ForceConsent.NEVER,
                    KillProgress.NONE);

            assertThat(result).isInstanceOf(Termination.Ended.class);
        }
    }

    @Test
    void refusesAnUnknownStartTime() {
        try (ChildJvm child = ChildJvm.start("tcp")) {
            Termination result = terminator.terminate(Ports.target(child.pid()).withStartTime(null),
                    KillOptions.GRACEFUL, ForceConsent.NEVER, KillProgress.NONE);

            assertThat(result).isInstanceOfSatisfying(Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(Refused.Reason.IDENTITY_UNKNOWN));
            assertThat(Ports.alive(child.pid())).isTrue();
        }
    }

    @Test
    void refusesPortsideItself() {
        Termination result = terminator.terminate(Ports.target(ProcessHandle.current().pid()),
                new KillOptions(true, true), (t, r) -> true, KillProgress.NONE);

        assertThat(result).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Refused.Reason.PORTSIDE_ITSELF));
    }

    @Test
    void refusesTheProcessPortsideRunsInside() {
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        Termination result = terminator.terminate(Ports.target(parent), new KillOptions(true, true),
                (t, r) -> true, KillProgress.NONE);

        assertThat(result).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Refused.Reason.PORTSIDE_ANCESTOR));
        assertThat(Ports.alive(parent)).isTrue();
    }

    @Test
    void refusesPidOne() {
        KillTarget init = new KillTarget(1, Instant.EPOCH, "init", "root", "/sbin/init", 0);

        Termination result = terminator.terminate(init, new KillOptions(true, true), (t, r) -> true,
                KillProgress.NONE);

        assertThat(result).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Refused.Reason.SYSTEM_PROCESS));
        assertThat(result.message()).contains("init (pid 1)");
        assertThat(Ports.alive(1)).isTrue();
    }

    @Test
    void refusesAnOwnerWithoutPid() {
        KillTarget hidden = new KillTarget(0, null, "", "", "", 0);

        assertThat(terminator.terminate(hidden, KillOptions.GRACEFUL, ForceConsent.NEVER, KillProgress.NONE))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(Refused.Reason.NO_OWNER));
    }

    @Test
    void saysSoWhenTheProcessHasAlreadyEnded() throws Exception {
        ChildJvm child = ChildJvm.start("tcp");
        KillTarget target = Ports.target(child.pid());
        child.stop();

        assertThat(terminator.terminate(target, KillOptions.GRACEFUL, ForceConsent.NEVER, KillProgress.NONE))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(Refused.Reason.ALREADY_ENDED));
    }

    @Test
    void permissionDeniedNamesTheOwnerAndHowToGetTheRight() {
        Instant start = Instant.parse("2026-01-01T08:00:00Z");
        ProcessHandle root = new OtherUsersProcess(4242, start, "postgres");
        ProcessTerminator asAlice = new ProcessTerminator(Duration.ofMillis(200),
                pid -> pid == 4242 ? Optional.of(root) : ProcessHandle.of(pid), ProcessHandle.current(), "alice");

        Termination result = asAlice.terminate(new KillTarget(4242, start, "postgres", "postgres", "", 1),
                KillOptions.GRACEFUL, ForceConsent.NEVER, KillProgress.NONE);

        assertThat(result).isInstanceOfSatisfying(Failed.class,
                f -> assertThat(f.reason()).isEqualTo(Failed.Reason.PERMISSION_DENIED));
        assertThat(result.message()).contains("postgres (pid 4242)").contains("user postgres").contains("sudo")
                .contains("administrator").doesNotContain("Exception");
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
