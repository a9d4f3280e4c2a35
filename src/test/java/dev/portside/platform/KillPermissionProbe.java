package dev.portside.platform;

import java.nio.file.Path;

/**
 * Prints, for each pid of its arguments, what this process predicts from /proc, what it would say
 * before the question, and what kill(pid, 0) answers: "PID pid predicted expected kill". Run as
 * another user by {@link KillPermissionAgreesTest}.
 */
public final class KillPermissionProbe {

    private KillPermissionProbe() {
    }

    public static void main(String[] args) {
        ProcessEndingLinux linux = new ProcessEndingLinux();
        for (String a : args) {
            long pid = Long.parseLong(a);
            System.out.println("PID " + pid + " " + KillPermission.predict(Path.of("/proc"), pid) + " "
                    + linux.expectedAccess(pid) + " " + linux.access(pid));
        }
    }
}
