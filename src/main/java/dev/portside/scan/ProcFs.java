package dev.portside.scan;

import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads small /proc files into a reusable buffer and resolves fd links, with as little garbage as
 * possible. One instance per scanner thread. The root is a parameter so tests can use a fake /proc.
 * The steady poll resolves links through JNA ({@link Libc}); a one-shot command uses plain Java
 * ({@code nativeCalls} false), because loading JNA costs more than the whole scan of one command.
 */
final class ProcFs {

    final String root;
    final long clockTicks;
    private final boolean nativeCalls;
    private final byte[] pathBytes = new byte[512];
    private final byte[] linkBuffer = new byte[256];
    /** Only with native calls: creating a NativeLong loads JNA. */
    private final NativeLong linkBufferLength;
    private final FileBuffer file = new FileBuffer(4096);
    byte[] buffer = file.bytes;
    int length;
    /** fd links read so far (tests count them). */
    int linkReads;

    ProcFs(String root) {
        this(root, true);
    }

    /** With {@code nativeCalls} false, JNA is never loaded: links are read with {@link Files}. */
    ProcFs(String root, boolean nativeCalls) {
        this.root = root;
        this.nativeCalls = nativeCalls;
        this.linkBufferLength = nativeCalls ? new NativeLong(256) : null;
        long ticks = 100;
        if (!nativeCalls) {
            ticks = clockTicksFromAuxv(root);
        } else if (Libc.AVAILABLE) {
            try {
                long v = Libc.sysconf(2 /* _SC_CLK_TCK */).longValue();
                if (v > 0) {
                    ticks = v;
                }
            } catch (RuntimeException | LinkageError ignored) {
                // keep the usual 100
            }
        }
        this.clockTicks = ticks;
    }

    /**
     * {@code sysconf(_SC_CLK_TCK)} without native calls: the C library takes it from the AT_CLKTCK
     * entry (type 17) of the process's auxiliary vector, which /proc/self/auxv shows as pairs of
     * native-endian 64-bit words. 100 when it cannot be read (the value on every common Linux).
     */
    private long clockTicksFromAuxv(String procRoot) {
        if ("64".equals(System.getProperty("sun.arch.data.model")) && read(procRoot + "/self/auxv")
                && length % 16 == 0) {
            ByteBuffer words = ByteBuffer.wrap(buffer, 0, length).order(ByteOrder.nativeOrder());
            for (int i = 0; i + 16 <= length; i += 16) {
                long type = words.getLong(i);
                if (type == 17) {
                    long value = words.getLong(i + 8);
                    return value > 0 ? value : 100;
                }
                if (type == 0) {
                    break;
                }
            }
        }
        return 100;
    }

    /** Reads a whole file into {@link #buffer}; false when it cannot be read (gone, no permission). */
    boolean read(String path) {
        boolean ok = file.load(path);
        buffer = file.bytes;
        length = file.length;
        return ok;
    }

    String text() {
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    /** {@link #socketInode}'s answer when the process's fd links may not be read at all. */
    static final long DENIED = -2;

    /**
     * The inode of a {@code socket:[N]} fd link, 0 for any other link, -1 when it cannot be read,
     * {@link #DENIED} (plain Java reads only) when reading it was refused: the kernel checks that
     * right per process (may this user trace it?), so every other fd link of the process is refused
     * too. The caller skips them: each refusal costs two exceptions with their stack traces in plain
     * Java, and a non-dumpable process can hold hundreds of fds (the one-shot scan of docs/PERFORMANCE.md).
     */
    long socketInode(String fdPath) {
        linkReads++;
        int n;
        if (nativeCalls && Libc.AVAILABLE && fdPath.length() < pathBytes.length) {
            int len = fdPath.length();
            for (int i = 0; i < len; i++) {
                pathBytes[i] = (byte) fdPath.charAt(i);
            }
            pathBytes[len] = 0;
            n = (int) Libc.readlink(pathBytes, linkBuffer, linkBufferLength).longValue();
            if (n < 0) {
                return -1;
            }
        } else {
            return plainSocketInode(Path.of(fdPath));
        }
        // "socket:[12345]"
        if (n < 10 || linkBuffer[0] != 's' || linkBuffer[6] != ':' || linkBuffer[7] != '[') {
            return 0;
        }
        long inode = 0;
        for (int i = 8; i < n && linkBuffer[i] != ']'; i++) {
            inode = inode * 10 + (linkBuffer[i] - '0');
        }
        return inode;
    }

    /** True when fd links are read with native calls ({@link #socketInode(String)} only then needs the whole path). */
    boolean readsLinksNatively() {
        return nativeCalls && Libc.AVAILABLE;
    }

    /**
     * {@link #socketInode(String)} of {@code fd} in a process's fd folder, read with plain Java: the
     * folder's {@link Path} is made once per process and each link resolved from it, instead of a
     * path text parsed and checked for every link (JFR: 17 % of {@code list}'s main thread was in
     * making and reading those paths; docs/PERFORMANCE.md, "Fourth round: the commands").
     */
    long socketInode(Path fdFolder, String fd) {
        linkReads++;
        return plainSocketInode(fdFolder.resolve(fd));
    }

    private static long plainSocketInode(Path link) {
        String target;
        try {
            target = Files.readSymbolicLink(link).toString();
        } catch (AccessDeniedException e) {
            return DENIED;
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
        // "socket:[12345]", read from the text (no copy into the link buffer: ~400 links per command)
        if (target.length() < 10 || !target.startsWith("socket:[")) {
            return 0;
        }
        long inode = 0;
        for (int i = 8; i < target.length() && target.charAt(i) != ']'; i++) {
            inode = inode * 10 + (target.charAt(i) - '0');
        }
        return inode;
    }

    /** The target of a link as text, or "" when it cannot be read. */
    String readLink(String path) {
        try {
            return Files.readSymbolicLink(Path.of(path)).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    /** Boot time in epoch milliseconds from the "btime" line of /proc/stat (as the JDK computes it). */
    long bootMillis() {
        if (read(root + "/stat")) {
            String s = text();
            int i = s.indexOf("\nbtime ");
            if (i >= 0) {
                int end = s.indexOf('\n', i + 7);
                try {
                    return Long.parseLong(s.substring(i + 7, end < 0 ? s.length() : end).trim()) * 1000L;
                } catch (NumberFormatException ignored) {
                    // fall through
                }
            }
        }
        return -1;
    }
}
