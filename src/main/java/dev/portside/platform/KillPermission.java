package dev.portside.platform;

import dev.portside.platform.ProcessEnding.Access;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Linux's answer to "may this process signal that one?" worked out from {@code /proc}, without a
 * native call: the rule of the kernel's {@code kill_ok_by_cred} (kernel/signal.c). A signal is
 * allowed when the sender's real or effective uid is the target's real or saved uid, or when the
 * sender has CAP_KILL in the target's user namespace. Only a prediction: a security module
 * (AppArmor, SELinux) may still refuse, so the last check before a signal stays {@code kill(pid, 0)}
 * ({@link ProcessEnding#access}). Whatever cannot be read, or looks unusual, is {@link Access#UNKNOWN}:
 * the caller then asks the kernel.
 * <ul>
 * <li>Our uids and effective capabilities come from {@code /proc/self/status}, the target's uids
 * from {@code /proc/PID/status} (readable for every process, whoever owns it).</li>
 * <li>CAP_KILL decides only when the target is in our own user namespace ({@code /proc/self/ns/user}
 * and {@code /proc/PID/ns/user} name the same one). Another namespace (a rootless container's, whose
 * owner holds every capability in it), or one the kernel will not name to us (another user's process
 * without CAP_SYS_PTRACE), is UNKNOWN.</li>
 * <li>{@code /proc} shows uids as seen from our namespace; one that has no name there reads as the
 * overflow uid (65534). Outside the initial namespace a match on that number proves nothing: UNKNOWN.</li>
 * <li>No {@code /proc/PID}: {@link Access#GONE}. (With {@code hidepid} another user's process also
 * has none; GONE only ever means "no obstacle" before the question, and the check before the signal
 * asks the kernel.)</li>
 * </ul>
 */
final class KillPermission {

    /** CAP_KILL's bit in the capability sets (linux/capability.h). */
    static final int CAP_KILL = 5;
    /** The kernel's default overflow uid, when {@code /proc/sys/kernel/overflowuid} cannot be read. */
    static final long DEFAULT_OVERFLOW_UID = 65534;

    private KillPermission() {
    }

    /** The prediction for the process {@code pid} under the {@code /proc} at {@code proc}. */
    static Access predict(Path proc, long pid) {
        if (pid <= 0 || pid > Integer.MAX_VALUE) {
            return Access.UNKNOWN;
        }
        String self = read(proc.resolve("self/status"));
        long[] ours = self == null ? null : uids(self);
        long capEff = self == null ? -1 : capEff(self);
        if (ours == null || capEff < 0) {
            return Access.UNKNOWN; // no /proc, or not Linux's
        }
        String target;
        Path dir = proc.resolve(Long.toString(pid));
        try {
            target = readOrFail(dir.resolve("status"));
        } catch (FileNotFoundException e) {
            return Files.exists(dir) ? Access.UNKNOWN : Access.GONE;
        } catch (IOException | RuntimeException e) {
            return Access.UNKNOWN;
        }
        long[] theirs = uids(target);
        if (theirs == null) {
            return Access.UNKNOWN;
        }
        // sender's real [0] or effective [1] uid against the target's real [0] or saved [2] uid
        long match = -1;
        for (long sender : new long[] {ours[0], ours[1]}) {
            if (sender == theirs[0] || sender == theirs[2]) {
                match = sender;
            }
        }
        if (match >= 0) {
            return matchIsReal(proc, match) ? Access.ALLOWED : Access.UNKNOWN;
        }
        String ourNamespace = link(proc.resolve("self/ns/user"));
        String theirNamespace = link(dir.resolve("ns/user"));
        if (ourNamespace == null || theirNamespace == null || !ourNamespace.startsWith("user:[")
                || !ourNamespace.equals(theirNamespace)) {
            return Access.UNKNOWN;
        }
        return (capEff & (1L << CAP_KILL)) != 0 ? Access.ALLOWED : Access.DENIED;
    }

    /**
     * False when equal numbers may stand for different users: outside the initial user namespace
     * (our {@code uid_map} is not the whole identity map) every uid without a name here reads as the
     * overflow uid.
     */
    private static boolean matchIsReal(Path proc, long uid) {
        String map = read(proc.resolve("self/uid_map"));
        if (map != null && map.strip().split("\\s+").length == 3) {
            String[] f = map.strip().split("\\s+");
            if (f[0].equals("0") && f[1].equals("0") && f[2].equals("4294967295")) {
                return true;
            }
        }
        String overflow = read(proc.resolve("sys/kernel/overflowuid"));
        long overflowUid = DEFAULT_OVERFLOW_UID;
        if (overflow != null) {
            try {
                overflowUid = Long.parseLong(overflow.strip());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return uid != overflowUid;
    }

    /** The four numbers of the {@code Uid:} line (real, effective, saved, filesystem), or null. */
    static long[] uids(String status) {
        String line = line(status, "Uid:");
        if (line == null) {
            return null;
        }
        String[] f = line.strip().split("\\s+");
        if (f.length != 4) {
            return null;
        }
        long[] uids = new long[4];
        try {
            for (int i = 0; i < 4; i++) {
                uids[i] = Long.parseLong(f[i]);
                if (uids[i] < 0 || uids[i] > 0xffffffffL) {
                    return null;
                }
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return uids;
    }

    /** The effective capability set ({@code CapEff:}, hexadecimal), or -1. */
    static long capEff(String status) {
        String line = line(status, "CapEff:");
        if (line == null) {
            return -1;
        }
        String hex = line.strip();
        if (hex.isEmpty() || hex.length() > 16) {
            return -1;
        }
        try {
            return Long.parseUnsignedLong(hex, 16) & Long.MAX_VALUE; // bit 63 is no capability
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** What follows {@code key} on the line that starts with it, or null. */
    private static String line(String status, String key) {
        int at;
        if (status.startsWith(key)) {
            at = 0;
        } else {
            int newline = status.indexOf("\n" + key);
            if (newline < 0) {
                return null;
            }
            at = newline + 1;
        }
        int start = at + key.length();
        int end = status.indexOf('\n', start);
        return status.substring(start, end < 0 ? status.length() : end);
    }

    /**
     * A small text file of /proc (ASCII, but any byte is kept), or null when it cannot be read.
     * {@link FileInputStream} rather than {@code Files.readAllBytes}: its classes are set up at every
     * JVM start, the channels' are not.
     */
    static String read(Path file) {
        try {
            return readOrFail(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String readOrFail(Path file) throws IOException {
        try (FileInputStream in = new FileInputStream(file.toString())) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String link(Path file) {
        try {
            return Files.readSymbolicLink(file).toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
