package dev.portside.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portside.platform.ProcessEnding.Access;
import dev.portside.testing.OtherUser;
import dev.portside.testing.OtherUser.Rights;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The prediction from /proc ({@link KillPermission}) and the kernel's own answer, kill(pid, 0), for
 * real processes of real users: ours, root's seen by nobody, nobody's and daemon's seen by root and
 * by nobody. Where the prediction answers, it is the kernel's answer; where it cannot (another user's
 * namespace is not named to nobody), the answer before the question is still the kernel's.
 */
class KillPermissionAgreesTest {

    private static final Path PROC = Path.of("/proc");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void endTheProcesses() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void removeTheCopiedClassPath() {
        OtherUser.cleanUp();
    }

    /** A python3 that waits for its standard input to close, as this user or (as root) as {@code uid}. */
    private Process waiting(Integer uid) throws IOException {
        List<String> command = new ArrayList<>();
        if (uid != null) {
            command.addAll(List.of("/usr/bin/setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups"));
        }
        command.addAll(List.of(PYTHON.toString(), "-c", "import sys; print('ready', flush=True); sys.stdin.read()"));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        started.add(p);
        // setpriv execs python3 in the same pid: once it prints, the uid is the one it runs as
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(line).as("python3 started").isEqualTo("ready");
        return p;
    }

    private static Access kill(long pid) {
        return ProcessEndingSignals.access(ProcessEndingSignals.KILL, pid);
    }

    @Test
    void ourOwnProcessAndAnEndedOneAgreeWithKill() throws Exception {
        assumeTrue(OsFamily.current() == OsFamily.LINUX, "Linux's /proc");
        assumeTrue(Files.isExecutable(PYTHON), "needs /usr/bin/python3 for a process to ask about");
        Process ours = waiting(null);
        Process ended = new ProcessBuilder(PYTHON.toString(), "-c", "pass").start();
        ended.waitFor(30, TimeUnit.SECONDS);

        assertThat(KillPermission.predict(PROC, ours.pid())).isEqualTo(Access.ALLOWED).isEqualTo(kill(ours.pid()));
        assertThat(KillPermission.predict(PROC, ended.pid())).as("reaped").isEqualTo(Access.GONE)
                .isEqualTo(kill(ended.pid()));
    }

    @Test
    void asRootEveryUsersProcessIsPredictedAsKillAnswers() throws Exception {
        OtherUser.assumeAvailable();
        assumeTrue(Files.isExecutable(PYTHON), "needs /usr/bin/python3 for processes of other users");
        long[] pids = {waiting(null).pid(), waiting(OtherUser.NOBODY).pid(), waiting(1).pid(), 1};

        for (long pid : pids) {
            assertThat(KillPermission.predict(PROC, pid)).as("pid %d: CAP_KILL in our namespace", pid)
                    .isEqualTo(Access.ALLOWED).isEqualTo(kill(pid));
        }
    }

    @Test
    void asNobodyTheAnswerBeforeTheQuestionIsTheKernels() throws Exception {
        OtherUser.assumeAvailable();
        assumeTrue(Files.isExecutable(PYTHON), "needs /usr/bin/python3 for processes of other users");
        long roots = waiting(null).pid();
        long nobodys = waiting(OtherUser.NOBODY).pid();
        long daemons = waiting(1).pid();

        OtherUser.Result r = OtherUser.run(Rights.ORDINARY, KillPermissionProbe.class.getName(),
                String.valueOf(roots), String.valueOf(nobodys), String.valueOf(daemons));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.lines("PID ")).containsExactly(
                // the kernel names root's and daemon's namespace only to those who may trace them: unknown,
                // so the answer before the question is kill(pid, 0)'s
                roots + " UNKNOWN DENIED DENIED",
                nobodys + " ALLOWED ALLOWED ALLOWED",
                daemons + " UNKNOWN DENIED DENIED");
    }
}
