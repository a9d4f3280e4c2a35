package dev.portside.scan;

import java.util.Arrays;

/**
 * The raw rows of one socket listing, kept in reusable primitive arrays so a poll over thousands of
 * sockets builds no object per row: protocol, family, local address bytes, port, inode, the index
 * of the interface the socket is bound to (0: none, or not known) and the socket's uid (the kernel
 * reports it even when the owning process is hidden).
 */
final class SocketRows {

    static final byte TCP = 0;
    static final byte UDP = 1;
    static final byte V4 = 4;
    static final byte V6 = 6;

    int size;
    byte[] protocol = new byte[64];
    byte[] family = new byte[64];
    int[] port = new int[64];
    long[] inode = new long[64];
    int[] ifindex = new int[64];
    /** The socket's owning uid as the kernel reports it; -1 when the source does not tell. */
    int[] uid = new int[64];
    /** 16 bytes per row; an IPv4 address uses the first 4, the other 12 are zero. */
    byte[] address = new byte[64 * 16];

    /** True when both hold the same rows in the same order (the kernel lists an unchanged table so). */
    boolean sameAs(SocketRows o) {
        int n = size;
        return n == o.size && Arrays.equals(inode, 0, n, o.inode, 0, n) && Arrays.equals(port, 0, n, o.port, 0, n)
                && Arrays.equals(protocol, 0, n, o.protocol, 0, n) && Arrays.equals(family, 0, n, o.family, 0, n)
                && Arrays.equals(ifindex, 0, n, o.ifindex, 0, n)
                && Arrays.equals(address, 0, n * 16, o.address, 0, n * 16);
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    /**
     * Adds a row (bound to no interface) and returns its index; the caller then writes the address at
     * {@code index * 16}. The row's 16 address bytes start as zeros, so the unused 12 of an IPv4
     * address never hold what an earlier poll left there.
     */
    int add(byte protocol, byte family, int port, long inode) {
        if (size == this.port.length) {
            int n = size * 2;
            this.protocol = Arrays.copyOf(this.protocol, n);
            this.family = Arrays.copyOf(this.family, n);
            this.port = Arrays.copyOf(this.port, n);
            this.inode = Arrays.copyOf(this.inode, n);
            this.ifindex = Arrays.copyOf(this.ifindex, n);
            this.uid = Arrays.copyOf(this.uid, n);
            this.address = Arrays.copyOf(this.address, n * 16);
        }
        int i = size++;
        this.protocol[i] = protocol;
        this.family[i] = family;
        this.port[i] = port;
        this.inode[i] = inode;
        this.ifindex[i] = 0;
        Arrays.fill(address, i * 16, i * 16 + 16, (byte) 0);
        this.uid[i] = -1;
        return i;
    }

    int addressLength(int row) {
        return family[row] == V4 ? 4 : 16;
    }

    /** Keeps the rows the filter accepts, in order (tests narrow the machine's sockets to their own). */
    void retain(RowFilter keep) {
        int w = 0;
        for (int r = 0; r < size; r++) {
            if (keep.keep(protocol[r], port[r], inode[r])) {
                if (w != r) {
                    protocol[w] = protocol[r];
                    family[w] = family[r];
                    port[w] = port[r];
                    inode[w] = inode[r];
                    ifindex[w] = ifindex[r];
                    uid[w] = uid[r];
                    System.arraycopy(address, r * 16, address, w * 16, 16);
                }
                w++;
            }
        }
        size = w;
    }

    interface RowFilter {
        boolean keep(byte protocol, int port, long inode);
    }
}
