package dev.portside.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.platform.ProcessEnding.Access;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linux's prediction of kill(2)'s permission check from /proc (the kernel's kill_ok_by_cred), on a
 * /proc of recorded files: status texts as this kernel writes them, namespace links as it names
 * them. The real processes' answers are compared with kill(pid, 0) in {@link KillPermissionAgreesTest}.
 */
class KillPermissionTest {

    private static final String INITIAL_NS = "user:[4026531837]";
    private static final String IDENTITY_MAP = "         0          0 4294967295\n";
    /** Root's full set, as on this machine (CAP_KILL is bit 5). */
    private static final String ROOT_CAPS = "000001fffeffffff";
    private static final String NO_CAPS = "0000000000000000";
    /** Only CAP_KILL, as {@code setpriv --inh-caps=+kill --ambient-caps=+kill} gives a user. */
    private static final String ONLY_KILL = "0000000000000020";

    @TempDir
    Path proc;

    @BeforeEach
    void initialNamespace() throws IOException {
        Files.createDirectories(proc.resolve("self/ns"));
        Files.writeString(proc.resolve("self/uid_map"), IDENTITY_MAP);
    }

    /** A status file as Linux 6.1 writes it (trimmed of the memory lines), with these uids and caps. */
    private static String status(String name, long pid, String uids, String capEff) {
        return "Name:\t" + name + "\nUmask:\t0077\nState:\tS (sleeping)\nTgid:\t" + pid + "\nNgid:\t0\nPid:\t" + pid
                + "\nPPid:\t1\nTracerPid:\t0\nUid:\t" + uids + "\nGid:\t104\t104\t104\t104\nFDSize:\t1024\n"
                + "Groups:\t103 104 \nNStgid:\t" + pid + "\nNSpid:\t" + pid + "\nNSpgid:\t" + pid + "\nNSsid:\t" + pid
                + "\nKthread:\t0\nVmPeak:\t  217124 kB\nThreads:\t1\nSigQ:\t0/96364\nSigPnd:\t0000000000000000\n"
                + "CapInh:\t0000000000000000\nCapPrm:\t" + capEff + "\nCapEff:\t" + capEff
                + "\nCapBnd:\t000001fffeffffff\nCapAmb:\t0000000000000000\nNoNewPrivs:\t0\nSeccomp:\t0\n"
                + "Cpus_allowed_list:\t0-1\nvoluntary_ctxt_switches:\t74\nnonvoluntary_ctxt_switches:\t32\n";
    }

    private void self(String uids, String capEff, String namespace) throws IOException {
        Files.writeString(proc.resolve("self/status"), status("java", 900, uids, capEff));
        if (namespace != null) {
            Files.createSymbolicLink(proc.resolve("self/ns/user"), Path.of(namespace));
        }
    }

    private void process(long pid, String uids, String namespace) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(pid + "/ns"));
        Files.writeString(dir.resolveSibling("status"), status("postgres", pid, uids, NO_CAPS));
        if (namespace != null) {
            Files.createSymbolicLink(dir.resolve("user"), Path.of(namespace));
        }
    }

    @Test
    void aProcessOfOurOwnUserMayBeEnded() throws IOException {
        self("1000\t1000\t1000\t1000", NO_CAPS, INITIAL_NS);
        process(4188, "1000\t1000\t1000\t1000", null); // our own: no namespace needed (nor readable for others')

        assertThat(KillPermission.predict(proc, 4188)).isEqualTo(Access.ALLOWED);
    }

    @Test
    void anotherUsersProcessMayNotBeEndedWithoutCapKill() throws IOException {
        self("1000\t1000\t1000\t1000", NO_CAPS, INITIAL_NS);
        process(3871, "101\t101\t101\t101", INITIAL_NS);

        assertThat(KillPermission.predict(proc, 3871)).isEqualTo(Access.DENIED);
    }

    @Test
    void theTargetsSavedUidCountsItsEffectiveUidDoesNot() throws IOException {
        self("1000\t1000\t1000\t1000", NO_CAPS, INITIAL_NS);
        process(4200, "0\t0\t1000\t0", INITIAL_NS); // a setuid program that kept our uid as its saved one
        process(4201, "0\t1000\t0\t1000", INITIAL_NS); // only its effective uid is ours: the kernel does not look

        assertThat(KillPermission.predict(proc, 4200)).isEqualTo(Access.ALLOWED);
        assertThat(KillPermission.predict(proc, 4201)).isEqualTo(Access.DENIED);
    }

    @Test
    void ourEffectiveUidCountsAsWellAsOurRealOne() throws IOException {
        self("1000\t101\t101\t101", NO_CAPS, INITIAL_NS); // became postgres with setuid
        process(3871, "101\t101\t101\t101", INITIAL_NS);
        process(4188, "1000\t1000\t1000\t1000", INITIAL_NS);
        process(1, "0\t0\t0\t0", INITIAL_NS);

        assertThat(KillPermission.predict(proc, 3871)).isEqualTo(Access.ALLOWED);
        assertThat(KillPermission.predict(proc, 4188)).isEqualTo(Access.ALLOWED);
        assertThat(KillPermission.predict(proc, 1)).isEqualTo(Access.DENIED);
    }

    @Test
    void capKillInOurNamespaceEndsAnyonesProcess() throws IOException {
        self("0\t0\t0\t0", ROOT_CAPS, INITIAL_NS);
        process(3871, "101\t101\t101\t101", INITIAL_NS);

        assertThat(KillPermission.predict(proc, 3871)).isEqualTo(Access.ALLOWED);
    }

    @Test
    void aUserWithOnlyCapKillMayEndOthersAndRootWithoutItMayNot() throws IOException {
        self("65534\t65534\t65534\t65534", ONLY_KILL, INITIAL_NS);
        process(3871, "101\t101\t101\t101", INITIAL_NS);
        assertThat(KillPermission.predict(proc, 3871)).isEqualTo(Access.ALLOWED);

        Files.delete(proc.resolve("self/ns/user"));
        self("0\t0\t0\t0", "000001fffeffffdf", INITIAL_NS); // root without CAP_KILL (a container's --cap-drop KILL)
        assertThat(KillPermission.predict(proc, 3871)).isEqualTo(Access.DENIED);
    }

    @Test
    void inAnotherUserNamespaceOnlyTheKernelCanTell() throws IOException {
        // A rootless container's process: its namespace's owner holds every capability in it.
        self("1000\t1000\t1000\t1000", NO_CAPS, INITIAL_NS);
        process(5000, "100999\t100999\t100999\t100999", "user:[4026532451]");
        // root with CAP_KILL and a process in a child namespace: allowed, but not for us to say
        Files.delete(proc.resolve("self/ns/user"));
        self("0\t0\t0\t0", ROOT_CAPS, INITIAL_NS);
        process(5001, "100999\t100999\t100999\t100999", "user:[4026532452]");

        assertThat(KillPermission.predict(proc, 5000)).isEqualTo(Access.UNKNOWN);
        assertThat(KillPermission.predict(proc, 5001)).isEqualTo(Access.UNKNOWN);
    }

    @Test
    void aNamespaceTheKernelWillNotNameIsUnknown() throws IOException {
        // Another user's /proc/PID/ns/user needs the right to trace it: nobody reading root's process.
        self("65534\t65534\t65534\t65534", NO_CAPS, INITIAL_NS);
        process(3871, "0\t0\t0\t0", null);

        assertThat(KillPermission.predict(proc, 3871)).isEqualTo(Access.UNKNOWN);
    }

    @Test
    void aProcessWithoutAnEntryHasEnded() throws IOException {
        self("1000\t1000\t1000\t1000", NO_CAPS, INITIAL_NS);

        assertThat(KillPermission.predict(proc, 4188)).isEqualTo(Access.GONE);
    }

    @Test
    void anEntryWithoutAReadableStatusIsUnknown() throws IOException {
        self("1000\t1000\t1000\t1000", NO_CAPS, INITIAL_NS);
        Files.createDirectories(proc.resolve("4188"));
        Files.createDirectories(proc.resolve("4189/status")); // not a file
        process(4190, "1000\t1000", INITIAL_NS); // a Uid line that is not Linux's

        assertThat(KillPermission.predict(proc, 4188)).isEqualTo(Access.UNKNOWN);
        assertThat(KillPermission.predict(proc, 4189)).isEqualTo(Access.UNKNOWN);
        assertThat(KillPermission.predict(proc, 4190)).isEqualTo(Access.UNKNOWN);
    }

    @Test
    void withoutOurOwnStatusNothingIsPredicted() throws IOException {
        process(3871, "101\t101\t101\t101", INITIAL_NS);
        assertThat(KillPermission.predict(proc, 3871)).as("no /proc/self/status").isEqualTo(Access.UNKNOWN);

        Files.writeString(proc.resolve("self/status"), "Name:\tjava\nUid:\t1000\t1000\t1000\t1000\n");
        assertThat(KillPermission.predict(proc, 3871)).as("no CapEff line").isEqualTo(Access.UNKNOWN);

        Files.writeString(proc.resolve("self/status"), "Name:\tjava\nUid:\tabc\t1000\t1000\t1000\nCapEff:\t0\n");
        assertThat(KillPermission.predict(proc, 3871)).as("not numbers").isEqualTo(Access.UNKNOWN);

        assertThat(KillPermission.predict(proc.resolve("missing"), 3871)).as("no /proc at all")
                .isEqualTo(Access.UNKNOWN);
    }

    @Test
    void groupAddressesAreNeverPredicted() throws IOException {
        self("0\t0\t0\t0", ROOT_CAPS, INITIAL_NS);

        assertThat(KillPermission.predict(proc, 0)).isEqualTo(Access.UNKNOWN);
        assertThat(KillPermission.predict(proc, -4188)).isEqualTo(Access.UNKNOWN);
        assertThat(KillPermission.predict(proc, 1L << 40)).isEqualTo(Access.UNKNOWN);
    }

    @Test
    void outsideTheInitialNamespaceTheOverflowUidProvesNothing() throws IOException {
        // In a user namespace, a uid with no name there reads as 65534: it may be nobody or anyone.
        self("65534\t65534\t65534\t65534", NO_CAPS, "user:[4026532451]");
        Files.writeString(proc.resolve("self/uid_map"), "         0     100000      65536\n");
        process(4188, "65534\t65534\t65534\t65534", null);
        process(4189, "1000\t1000\t1000\t1000", "user:[4026532451]");
        assertThat(KillPermission.predict(proc, 4188)).isEqualTo(Access.UNKNOWN);
        assertThat(KillPermission.predict(proc, 4189)).as("no match: the rule does not need the overflow uid")
                .isEqualTo(Access.DENIED);

        Files.delete(proc.resolve("self/ns/user"));
        self("1000\t1000\t1000\t1000", NO_CAPS, "user:[4026532451]");
        assertThat(KillPermission.predict(proc, 4189)).as("a named uid").isEqualTo(Access.ALLOWED);

        Files.createDirectories(proc.resolve("sys/kernel"));
        Files.writeString(proc.resolve("sys/kernel/overflowuid"), "1000\n");
        assertThat(KillPermission.predict(proc, 4189)).as("the overflow uid as this system sets it")
                .isEqualTo(Access.UNKNOWN);

        Files.writeString(proc.resolve("self/uid_map"), IDENTITY_MAP);
        assertThat(KillPermission.predict(proc, 4189)).as("the initial namespace names every uid")
                .isEqualTo(Access.ALLOWED);
    }

    @Test
    void linuxAsksTheKernelOnlyWhenProcCannotTell() throws IOException {
        self("1000\t1000\t1000\t1000", NO_CAPS, INITIAL_NS);
        process(4188, "1000\t1000\t1000\t1000", null);
        process(3871, "0\t0\t0\t0", null); // namespace not readable: unknown here
        int[] asked = {0};
        ProcessEndingLinux linux = new ProcessEndingLinux(pid -> {
            asked[0]++;
            return ProcessEndingSignals.EPERM;
        }, proc);

        assertThat(linux.expectedAccess(4188)).isEqualTo(Access.ALLOWED);
        assertThat(asked[0]).as("predicted: kill(2) not asked").isZero();
        assertThat(linux.expectedAccess(3871)).isEqualTo(Access.DENIED);
        assertThat(asked[0]).as("unknown: the kernel decides").isEqualTo(1);
        assertThat(linux.access(4188)).as("access() is always the kernel's answer").isEqualTo(Access.DENIED);
        assertThat(asked[0]).isEqualTo(2);
    }

    @Test
    void readsTheFieldsWhereverTheyStand() {
        assertThat(KillPermission.uids("Uid:\t0\t1\t2\t3\n")).containsExactly(0, 1, 2, 3);
        assertThat(KillPermission.uids("Name:\tUid: 5\nUid:\t4294967295\t1\t2\t3")).containsExactly(4294967295L, 1, 2, 3);
        assertThat(KillPermission.uids("Name:\tx\n")).isNull();
        assertThat(KillPermission.uids("Uid:\t-1\t1\t2\t3\n")).isNull();
        assertThat(KillPermission.uids("Uid:\t4294967296\t1\t2\t3\n")).isNull();
        assertThat(KillPermission.capEff("CapPrm:\t20\nCapEff:\t000001fffeffffff\n")).isEqualTo(0x1fffeffffffL);
        assertThat(KillPermission.capEff("CapEff:\tffffffffffffffff\n")).isEqualTo(Long.MAX_VALUE);
        assertThat(KillPermission.capEff("CapEff:\txyz\n")).isEqualTo(-1);
        assertThat(KillPermission.capEff("CapEffective:\t20\n")).isEqualTo(-1);
    }
}
