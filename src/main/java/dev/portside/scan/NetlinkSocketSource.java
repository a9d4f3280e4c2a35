package dev.portside.scan;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Lists sockets with one netlink {@code sock_diag} dump per protocol and family, asking the kernel
 * for TCP sockets in LISTEN state and unconnected UDP sockets only: the cost does not grow with
 * established connections or TIME_WAIT rows. One netlink socket is kept open between polls.
 */
final class NetlinkSocketSource implements SocketSource {

    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int AF_NETLINK = 16;
    private static final int SOCK_RAW = 3;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int NETLINK_SOCK_DIAG = 4;
    private static final int SOCK_DIAG_BY_FAMILY = 20;
    /** The older TCP request: one walk of the listening table for IPv4 and IPv6 together. */
    private static final int TCPDIAG_GETSOCK = 18;
    private static final int NLM_F_REQUEST = 0x1;
    private static final int NLM_F_DUMP = 0x300;
    private static final int NLMSG_ERROR = 2;
    private static final int NLMSG_DONE = 3;
    private static final int IPPROTO_TCP = 6;
    private static final int IPPROTO_UDP = 17;
    private static final int TCP_LISTEN = 10;
    private static final int TCP_CLOSE = 7;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;
    private static final int REQUEST_LENGTH = 16 + 56;
    private static final int BUFFER = 64 * 1024;

    private final byte[] request = new byte[REQUEST_LENGTH];
    private final ByteBuffer requestView = ByteBuffer.wrap(request).order(ByteOrder.nativeOrder());
    private final byte[] kernelAddress = new byte[12];
    private final Memory nativeBuffer = new Memory(BUFFER);
    private final byte[] buffer = new byte[BUFFER];
    private final ByteBuffer view = ByteBuffer.wrap(buffer).order(ByteOrder.nativeOrder());
    private final NativeLong bufferLength = new NativeLong(BUFFER);
    private int fd = -1;
    private int sequence;
    private boolean compatRefused;

    /**
     * Opens the netlink socket.
     *
     * @throws ScanException when the kernel or the sandbox refuses it
     */
    NetlinkSocketSource() {
        if (!Libc.AVAILABLE) {
            throw new ScanException(Libc.PROBLEM);
        }
        fd = Libc.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
        if (fd < 0) {
            throw new ScanException("netlink socket refused (errno " + Libc.errno() + ")");
        }
        // A poll never hangs: give up on a silent kernel after 2 s.
        byte[] timeout = new byte[16];
        ByteBuffer.wrap(timeout).order(ByteOrder.nativeOrder()).putLong(0, 2).putLong(8, 0);
        Libc.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, timeout, timeout.length);
        ByteBuffer.wrap(kernelAddress).order(ByteOrder.nativeOrder()).putShort(0, (short) AF_NETLINK);
    }

    @Override
    public String name() {
        return "linux-netlink";
    }

    /** Asks per family, as on a kernel without the combined TCP request (tests compare both ways). */
    void askPerFamily() {
        compatRefused = true;
    }

    @Override
    public void read(SocketRows rows) {
        if (fd < 0) {
            throw new ScanException("the netlink socket is closed");
        }
        int before = rows.size;
        if (!compatRefused) {
            try {
                dumpTcpBothFamilies(rows);
            } catch (ScanException e) {
                compatRefused = true; // a kernel without the old request: ask per family
                rows.size = before;
            }
        }
        if (compatRefused) {
            dump(rows, AF_INET, IPPROTO_TCP, 1 << TCP_LISTEN);
            dump(rows, AF_INET6, IPPROTO_TCP, 1 << TCP_LISTEN);
        }
        dump(rows, AF_INET, IPPROTO_UDP, 1 << TCP_CLOSE);
        dump(rows, AF_INET6, IPPROTO_UDP, 1 << TCP_CLOSE);
    }

    /**
     * TCP listeners of both families in one dump ({@code inet_diag_req}, family unspecified): the
     * kernel walks its listening table once instead of once per family.
     */
    private void dumpTcpBothFamilies(SocketRows rows) {
        int seq = ++sequence;
        java.util.Arrays.fill(request, (byte) 0);
        requestView.putInt(0, 16 + 60);
        requestView.putShort(4, (short) TCPDIAG_GETSOCK);
        requestView.putShort(6, (short) (NLM_F_REQUEST | NLM_F_DUMP));
        requestView.putInt(8, seq);
        request[16] = (byte) AF_INET; // ignored by the kernel for dumps of this kind
        requestView.putInt(16 + 52, 1 << TCP_LISTEN); // idiag_states after family, lengths, ext and the 48-byte id
        send(16 + 60);
        receive(rows, seq, SocketRows.TCP, IPPROTO_TCP);
    }

    private void send(int length) {
        long sent = Libc.sendto(fd, request, new NativeLong(length), 0, kernelAddress, kernelAddress.length).longValue();
        if (sent != length) {
            throw new ScanException("netlink request refused (errno " + Libc.errno() + ")");
        }
    }

    private void dump(SocketRows rows, int family, int protocol, int states) {
        int seq = ++sequence;
        java.util.Arrays.fill(request, (byte) 0);
        requestView.putInt(0, REQUEST_LENGTH);
        requestView.putShort(4, (short) SOCK_DIAG_BY_FAMILY);
        requestView.putShort(6, (short) (NLM_F_REQUEST | NLM_F_DUMP));
        requestView.putInt(8, seq);
        requestView.putInt(12, 0);
        request[16] = (byte) family;
        request[17] = (byte) protocol;
        request[18] = 0; // no extensions: the base message has all we need
        request[19] = 0;
        requestView.putInt(20, states);
        send(REQUEST_LENGTH);
        receive(rows, seq, protocol == IPPROTO_TCP ? SocketRows.TCP : SocketRows.UDP, protocol);
    }

    private void receive(SocketRows rows, int seq, byte proto, int protocol) {
        while (true) {
            long n = Libc.recv(fd, nativeBuffer, bufferLength, 0).longValue();
            if (n <= 0) {
                throw new ScanException(n == 0 ? "netlink closed the dump early"
                        : "netlink read failed (errno " + Libc.errno() + ")");
            }
            nativeBuffer.read(0, buffer, 0, (int) n);
            int off = 0;
            while (off + 16 <= n) {
                int length = view.getInt(off);
                int type = view.getShort(off + 4) & 0xffff;
                int messageSeq = view.getInt(off + 8);
                if (length < 16 || off + length > n) {
                    throw new ScanException("netlink sent a malformed message");
                }
                if (messageSeq == seq) {
                    if (type == NLMSG_DONE) {
                        return;
                    }
                    if (type == NLMSG_ERROR) {
                        int error = -view.getInt(off + 16);
                        if (error != 0) {
                            throw new ScanException("netlink refused the " + (protocol == IPPROTO_TCP ? "TCP" : "UDP")
                                    + " query (errno " + error + ")");
                        }
                    } else if ((type == SOCK_DIAG_BY_FAMILY || type == TCPDIAG_GETSOCK) && length >= 16 + 72) {
                        addRow(rows, proto, off + 16);
                    }
                }
                off += (length + 3) & ~3;
            }
        }
    }

    private void addRow(SocketRows rows, byte proto, int m) {
        int family = buffer[m] & 0xff;
        int port = ((buffer[m + 4] & 0xff) << 8) | (buffer[m + 5] & 0xff);
        int remotePort = ((buffer[m + 6] & 0xff) << 8) | (buffer[m + 7] & 0xff);
        if (proto == SocketRows.UDP && remotePort != 0) {
            return;
        }
        long inode = view.getInt(m + 68) & 0xffffffffL;
        byte fam = family == AF_INET ? SocketRows.V4 : SocketRows.V6;
        int row = rows.add(proto, fam, port, inode);
        rows.uid[row] = view.getInt(m + 64); // idiag_uid, before idiag_inode
        System.arraycopy(buffer, m + 8, rows.address, row * 16, fam == SocketRows.V4 ? 4 : 16);
        // idiag_if, after the ports and both 16-byte addresses: the interface the socket is bound to
        rows.ifindex[row] = view.getInt(m + 40);
    }

    @Override
    public void close() {
        if (fd >= 0) {
            Libc.close(fd);
            fd = -1;
        }
        nativeBuffer.close();
    }
}
