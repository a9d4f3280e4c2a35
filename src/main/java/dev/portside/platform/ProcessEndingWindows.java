package dev.portside.platform;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import java.util.Objects;

/**
 * Windows: a process cannot be asked to close (there is no SIGTERM; {@link ProcessHandle#destroy()}
 * is TerminateProcess, immediate), so ending is always at once. Permission from
 * {@code OpenProcess(PROCESS_TERMINATE)}, which fails with ERROR_ACCESS_DENIED for another user's or
 * a system process. No zombies: an ended process is no longer alive.
 */
public final class ProcessEndingWindows implements ProcessEnding {

    static final int ERROR_ACCESS_DENIED = 5;
    static final int ERROR_INVALID_PARAMETER = 87;
    private static final int PROCESS_TERMINATE = 0x0001;
    private static final int STILL_ACTIVE = 259;

    /** Opens the process for ending and closes it again: 0 when it could, -2 when it has exited, else the error. */
    @FunctionalInterface
    interface Probe {
        int errorOfOpenForTerminate(long pid);
    }

    private final Probe probe;

    public ProcessEndingWindows() {
        this(ProcessEndingWindows::openForTerminate);
    }

    /** For tests: recorded answers of OpenProcess. */
    ProcessEndingWindows(Probe probe) {
        this.probe = Objects.requireNonNull(probe);
    }

    @Override
    public boolean canAskToClose() {
        return false;
    }

    @Override
    public Access access(long pid) {
        if (pid <= 0 || pid > Integer.MAX_VALUE) {
            return Access.UNKNOWN;
        }
        int error;
        try {
            error = probe.errorOfOpenForTerminate(pid);
        } catch (RuntimeException | LinkageError e) {
            return Access.UNKNOWN;
        }
        return switch (error) {
            case 0 -> Access.ALLOWED;
            case -2, ERROR_INVALID_PARAMETER -> Access.GONE; // 87: no process has that id
            case ERROR_ACCESS_DENIED -> Access.DENIED;
            default -> Access.UNKNOWN;
        };
    }

    @Override
    public boolean hasEnded(ProcessHandle process) {
        return !process.isAlive();
    }

    private static int openForTerminate(long pid) {
        Kernel32 k = Kernel32.INSTANCE;
        WinNT.HANDLE h = k.OpenProcess(PROCESS_TERMINATE | WinNT.PROCESS_QUERY_LIMITED_INFORMATION, false, (int) pid);
        if (h == null) {
            return k.GetLastError();
        }
        try {
            IntByReference code = new IntByReference();
            return k.GetExitCodeProcess(h, code) && code.getValue() != STILL_ACTIVE ? -2 : 0;
        } finally {
            k.CloseHandle(h);
        }
    }
}
