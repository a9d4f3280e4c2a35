package dev.portside.platform;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * macOS: asked to close with SIGTERM, permission from {@code kill(pid, 0)}, a zombie seen in the
 * process's {@code kinfo_proc} from {@code sysctl(CTL_KERN, KERN_PROC, KERN_PROC_PID, pid)} (what
 * {@code ps} reads; macOS has no /proc).
 */
public final class ProcessEndingMac extends ProcessEndingUnix {

    /** Offsets in the 64-bit {@code struct kinfo_proc} (sys/sysctl.h, sys/proc.h): kp_proc.p_stat, kp_proc.p_pid. */
    static final int P_STAT = 36;
    static final int P_PID = 40;
    /** {@code SZOMB} in sys/proc.h. */
    static final byte SZOMB = 5;
    private static final int KINFO_PROC_SIZE = 648;

    private final LongFunction<byte[]> kinfoProc;

    public ProcessEndingMac() {
        this(ProcessEndingSignals.KILL, ProcessEndingMac::readKinfoProc);
    }

    /** For tests: a recorded kill(2) answer and recorded {@code kinfo_proc} bytes (null: no such process). */
    ProcessEndingMac(ProcessEndingSignals.Probe kill, LongFunction<byte[]> kinfoProc) {
        super(kill);
        this.kinfoProc = Objects.requireNonNull(kinfoProc);
    }

    @Override
    public boolean hasEnded(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        byte[] info;
        try {
            info = kinfoProc.apply(process.pid());
        } catch (RuntimeException | LinkageError e) {
            return false; // the system would not say: isAlive decides
        }
        return isZombie(info, process.pid());
    }

    /** True when the record is this pid's and its state is SZOMB; false for anything unexpected. */
    static boolean isZombie(byte[] kinfoProc, long pid) {
        if (kinfoProc == null || kinfoProc.length < P_PID + 4) {
            return false;
        }
        int recordedPid = (kinfoProc[P_PID] & 0xff) | (kinfoProc[P_PID + 1] & 0xff) << 8
                | (kinfoProc[P_PID + 2] & 0xff) << 16 | (kinfoProc[P_PID + 3] & 0xff) << 24; // little-endian
        return recordedPid == pid && kinfoProc[P_STAT] == SZOMB;
    }

    private static byte[] readKinfoProc(long pid) {
        byte[] buffer = new byte[KINFO_PROC_SIZE];
        long[] length = {buffer.length};
        int[] mib = {1 /* CTL_KERN */, 14 /* KERN_PROC */, 1 /* KERN_PROC_PID */, (int) pid};
        if (SystemLibrary.INSTANCE.sysctl(mib, mib.length, buffer, length, null, 0) != 0 || length[0] == 0) {
            return null;
        }
        return buffer;
    }

    /** The one libSystem call this needs (size_t is 64 bits on every macOS Java runs on). */
    private interface SystemLibrary extends Library {
        SystemLibrary INSTANCE = Native.load("c", SystemLibrary.class);

        int sysctl(int[] name, int nameLength, byte[] old, long[] oldLength, Pointer newValue, long newLength);
    }
}
