package dev.portside.core;

import java.util.Objects;

/**
 * The account that owns a socket, as the kernel reports it ({@code idiag_uid} of netlink
 * {@code sock_diag}, the uid column of /proc/net): known even when the process that holds the
 * socket is hidden from this user, so a hidden row can still say "user postgres".
 *
 * @param uid the numeric user id, or -1 when the scanner cannot tell (OSHI, Windows, macOS)
 * @param name the account name for that uid, or the uid as digits when it has no name; "" when unknown
 */
public record SocketUser(int uid, String name) {

    public static final SocketUser UNKNOWN = new SocketUser(-1, "");

    public SocketUser {
        name = Objects.requireNonNullElse(name, "");
        if (uid < 0) {
            uid = -1;
            name = "";
        }
    }

    public boolean known() {
        return uid >= 0;
    }

    /** True for uid 0. */
    public boolean isRoot() {
        return uid == 0;
    }

    /**
     * As the record's own, written out: the record's is built from method handles at its first call
     * in a JVM, on the window's FX thread on the way to its first frame (docs/PERFORMANCE.md, "Third
     * round: the window"). {@code RecordEqualityTest} checks that every component counts.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof SocketUser u && uid == u.uid && name.equals(u.name);
    }

    @Override
    public int hashCode() {
        return uid * 31 + name.hashCode();
    }
}
