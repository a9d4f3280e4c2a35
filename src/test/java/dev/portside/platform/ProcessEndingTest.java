package dev.portside.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portside.platform.ProcessEnding.Access;
import dev.portside.testing.ForkingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a process ends, per system: each implementation on recorded answers of its system (what
 * kill(2), /proc, sysctl's kinfo_proc and OpenProcess say), and Linux's also on this machine.
 */
class ProcessEndingTest {

    @Test
    void eachSystemGetsItsOwnWay() {
        assertThat(ProcessEnding.of(OsFamily.of("Linux"))).isInstanceOf(ProcessEndingLinux.class);
        assertThat(ProcessEnding.of(OsFamily.of("Mac OS X"))).isInstanceOf(ProcessEndingMac.class);
        assertThat(ProcessEnding.of(OsFamily.of("Windows 11"))).isInstanceOf(ProcessEndingWindows.class);
        assertThat(ProcessEnding.of(OsFamily.of("FreeBSD"))).as("other Unix: kill(2) answers alike")
                .isInstanceOf(ProcessEndingLinux.class);
    }

    @Test
    void onlyWindowsCannotAskAProcessToClose() {
        assertThat(ProcessEnding.of(OsFamily.LINUX).canAskToClose()).isTrue();
        assertThat(ProcessEnding.of(OsFamily.MACOS).canAskToClose()).isTrue();
        assertThat(ProcessEnding.of(OsFamily.WINDOWS).canAskToClose()).isFalse();
    }

    @Test
    void killWithSignalZeroSaysAllowedDeniedOrGone() {
        assertThat(ProcessEndingSignals.access(pid -> 0, 4188)).isEqualTo(Access.ALLOWED);
        assertThat(ProcessEndingSignals.access(pid -> ProcessEndingSignals.EPERM, 4188)).isEqualTo(Access.DENIED);
        assertThat(ProcessEndingSignals.access(pid -> ProcessEndingSignals.ESRCH, 4188)).isEqualTo(Access.GONE);
        assertThat(ProcessEndingSignals.access(pid -> 22, 4188)).isEqualTo(Access.UNKNOWN);
        assertThat(ProcessEndingSignals.access(pid -> {
            throw new AssertionError("kill(0) and kill(-n) address process groups: never called");
        }, 0)).isEqualTo(Access.UNKNOWN);
    }

    @Test
    void onThisMachineKillZeroAnswersForRealProcesses() throws Exception {
        assumeTrue(OsFamily.current() != OsFamily.WINDOWS, "kill(2) is for Linux and macOS");
        ProcessEnding here = HostSystem.current().processEnding();
        assertThat(here.access(ProcessHandle.current().pid())).isEqualTo(Access.ALLOWED);
        Process ended = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).start();
        ended.getInputStream().readAllBytes();
        ended.waitFor(30, TimeUnit.SECONDS);
        assertThat(here.access(ended.pid())).as("reaped: no such process").isEqualTo(Access.GONE);
    }

    @Test
    void linuxReadsTheStateAfterTheNameWhateverTheNameHolds() {
        assertThat(ProcessEndingLinux.isZombieStat("4188 (node) Z 4100 4188 4100 0 -1 4227084")).isTrue();
        assertThat(ProcessEndingLinux.isZombieStat("4188 (node) S 4100 4188 4100 0 -1 4227084")).isFalse();
        assertThat(ProcessEndingLinux.isZombieStat("4188 (a) Z (b) R 4100 4188")).as("the last ')' ends the name")
                .isFalse();
        assertThat(ProcessEndingLinux.isZombieStat("4188 (x) S) Z 1 1")).isTrue();
        assertThat(ProcessEndingLinux.isZombieStat("")).isFalse();
    }

    @Test
    void linuxCountsAZombieAsEndedOnlyWhenItsLastThreadIsLeft(@TempDir Path proc) throws IOException {
        Files.createDirectories(proc.resolve("4188/task/4188"));
        Files.writeString(proc.resolve("4188/stat"), "4188 (node) Z 4100 4188 4100 0 -1 4227084");
        Files.createDirectories(proc.resolve("4190/task/4190"));
        Files.createDirectories(proc.resolve("4190/task/4191")); // still closing its files
        Files.writeString(proc.resolve("4190/stat"), "4190 (java) Z 4100 4190 4100 0 -1 4227084");
        ProcessEndingLinux recorded = new ProcessEndingLinux(pid -> 0, proc);

        assertThat(recorded.isZombie(4188)).isTrue();
        assertThat(recorded.isZombie(4190)).isFalse();
        assertThat(recorded.isZombie(4199)).as("no such entry").isFalse();
    }

    @Test
    void linuxSeesARealZombieAsEnded() throws Exception {
        assumeTrue(ForkingListener.available(), "needs /usr/bin/python3 for a parent that does not reap its child");
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux /proc");
        try (ForkingListener server = ForkingListener.start()) {
            ProcessHandle child = server.endChildLeavingAZombie();

            assertThat(child.isAlive()).isTrue();
            assertThat(new ProcessEndingLinux().hasEnded(child)).isTrue();
            assertThat(new ProcessEndingLinux().hasEnded(ProcessHandle.current())).isFalse();
        }
    }

    /** 64-bit {@code struct kinfo_proc} as sysctl(KERN_PROC_PID) fills it; only p_stat and p_pid matter here. */
    private static byte[] kinfoProc(int pid, int state) {
        byte[] b = new byte[648];
        b[ProcessEndingMac.P_STAT] = (byte) state;
        for (int i = 0; i < 4; i++) {
            b[ProcessEndingMac.P_PID + i] = (byte) (pid >>> (8 * i));
        }
        return b;
    }

    @Test
    void macReadsTheZombieStateFromKinfoProc() {
        assertThat(ProcessEndingMac.isZombie(kinfoProc(4188, ProcessEndingMac.SZOMB), 4188)).isTrue();
        assertThat(ProcessEndingMac.isZombie(kinfoProc(4188, 2 /* SRUN */), 4188)).isFalse();
        assertThat(ProcessEndingMac.isZombie(kinfoProc(70000, ProcessEndingMac.SZOMB), 70000)).isTrue();
        assertThat(ProcessEndingMac.isZombie(kinfoProc(4189, ProcessEndingMac.SZOMB), 4188))
                .as("another process's record: not believed").isFalse();
        assertThat(ProcessEndingMac.isZombie(null, 4188)).as("no such process").isFalse();
        assertThat(ProcessEndingMac.isZombie(new byte[8], 4188)).isFalse();
    }

    @Test
    void macCountsAZombieAsEndedAndAsksKillForPermission() {
        long self = ProcessHandle.current().pid();
        ProcessEndingMac zombieSelf = new ProcessEndingMac(pid -> ProcessEndingSignals.EPERM,
                pid -> kinfoProc((int) pid, ProcessEndingMac.SZOMB));
        ProcessEndingMac runningSelf = new ProcessEndingMac(pid -> 0, pid -> kinfoProc((int) pid, 2));
        ProcessEndingMac sysctlFails = new ProcessEndingMac(pid -> 0, pid -> {
            throw new UnsatisfiedLinkError("no libc");
        });

        assertThat(zombieSelf.hasEnded(ProcessHandle.current())).isTrue();
        assertThat(zombieSelf.access(self)).isEqualTo(Access.DENIED);
        assertThat(runningSelf.hasEnded(ProcessHandle.current())).isFalse();
        assertThat(sysctlFails.hasEnded(ProcessHandle.current())).as("alive says it then").isFalse();
    }

    @Test
    void windowsAsksOpenProcessWhetherItMayEnd() {
        assertThat(new ProcessEndingWindows(pid -> 0).access(4188)).isEqualTo(Access.ALLOWED);
        assertThat(new ProcessEndingWindows(pid -> ProcessEndingWindows.ERROR_ACCESS_DENIED).access(4))
                .isEqualTo(Access.DENIED);
        assertThat(new ProcessEndingWindows(pid -> ProcessEndingWindows.ERROR_INVALID_PARAMETER).access(4188))
                .isEqualTo(Access.GONE);
        assertThat(new ProcessEndingWindows(pid -> -2).access(4188)).as("exited, handle still open")
                .isEqualTo(Access.GONE);
        assertThat(new ProcessEndingWindows(pid -> {
            throw new UnsatisfiedLinkError("kernel32");
        }).access(4188)).isEqualTo(Access.UNKNOWN);
        assertThat(new ProcessEndingWindows(pid -> 0).hasEnded(ProcessHandle.current())).isFalse();
    }
}
