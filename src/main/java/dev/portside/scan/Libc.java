package dev.portside.scan;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The few C library calls the Linux scanner needs, bound once through JNA direct mapping (JNA comes
 * with OSHI). {@link #AVAILABLE} is false, with {@link #PROBLEM} saying why, when they cannot be bound.
 */
final class Libc {

    static final boolean AVAILABLE;
    static final String PROBLEM;

    static {
        boolean ok = false;
        String problem = "";
        try {
            if (!Platform.isLinux()) {
                problem = "not Linux";
            } else {
                Native.register(Libc.class, Platform.C_LIBRARY_NAME);
                ok = true;
            }
        } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError, SecurityException
            problem = "cannot load the C library through JNA: " + e.getMessage();
        }
        AVAILABLE = ok;
        PROBLEM = problem;
    }

    private Libc() {
    }

    static native int socket(int domain, int type, int protocol);

    static native NativeLong sendto(int fd, byte[] buf, NativeLong len, int flags, byte[] addr, int addrLength);

    static native NativeLong recv(int fd, Pointer buf, NativeLong len, int flags);

    static native int setsockopt(int fd, int level, int name, byte[] value, int length);

    static native int close(int fd);

    static native NativeLong readlink(byte[] path, byte[] buf, NativeLong size);

    static native NativeLong sysconf(int name);

    static int errno() {
        return Native.getLastError();
    }
}
