package dev.portside.scan;

import java.nio.ByteOrder;

/**
 * Lists sockets from /proc/net/{tcp,tcp6,udp,udp6} when netlink is refused. Parses the bytes in
 * place and skips every row that is not a TCP listener or an unconnected UDP socket without building
 * anything for it.
 */
final class ProcNetSocketSource implements SocketSource {

    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private final String netDir;
    private final FileBuffer file = new FileBuffer(64 * 1024);
    private byte[] buffer = file.bytes;
    private int length;
    private int pos;

    ProcNetSocketSource(String procRoot) {
        this.netDir = procRoot + "/net/";
    }

    @Override
    public String name() {
        return "linux-proc";
    }

    @Override
    public void read(SocketRows rows) {
        parse(rows, "tcp", SocketRows.TCP, SocketRows.V4);
        parse(rows, "tcp6", SocketRows.TCP, SocketRows.V6);
        parse(rows, "udp", SocketRows.UDP, SocketRows.V4);
        parse(rows, "udp6", SocketRows.UDP, SocketRows.V6);
    }

    private void parse(SocketRows rows, String file, byte protocol, byte family) {
        if (!load(netDir + file)) {
            return; // no IPv6 on this machine, or no UDP table: nothing listens there
        }
        int wanted = protocol == SocketRows.TCP ? 0x0A : 0x07; // LISTEN, or CLOSE (= unconnected UDP)
        int addressHex = family == SocketRows.V4 ? 8 : 32;
        pos = 0;
        skipLine(); // header
        while (pos < length) {
            skipSpaces();
            skipToken(); // "sl:"
            skipSpaces();
            int local = pos;
            skipToken();
            skipSpaces();
            int remote = pos;
            skipToken();
            skipSpaces();
            int state = hex(pos, 2);
            if (state != wanted || local + addressHex + 5 > length) {
                skipLine();
                continue;
            }
            int remotePort = hex(remote + addressHex + 1, 4);
            if (protocol == SocketRows.UDP && remotePort != 0) {
                skipLine();
                continue;
            }
            skipToken(); // st
            for (int i = 0; i < 3; i++) { // tx:rx, tr:when, retrnsmt
                skipSpaces();
                skipToken();
            }
            skipSpaces();
            int uid = 0;
            while (pos < length && buffer[pos] >= '0' && buffer[pos] <= '9') {
                uid = uid * 10 + (buffer[pos++] - '0');
            }
            skipSpaces();
            skipToken(); // timeout
            skipSpaces();
            long inode = 0;
            while (pos < length && buffer[pos] >= '0' && buffer[pos] <= '9') {
                inode = inode * 10 + (buffer[pos++] - '0');
            }
            int port = hex(local + addressHex + 1, 4);
            int row = rows.add(protocol, family, port, inode);
            rows.uid[row] = uid;
            int out = row * 16;
            for (int word = 0; word < addressHex / 8; word++) {
                // each 32-bit word is printed as a host-order integer of network-order bytes
                int v = hex(local + word * 8, 8);
                for (int b = 0; b < 4; b++) {
                    int shift = LITTLE_ENDIAN ? 8 * b : 8 * (3 - b);
                    rows.address[out + word * 4 + b] = (byte) (v >>> shift);
                }
            }
            skipLine();
        }
    }

    private boolean load(String path) {
        boolean ok = file.load(path);
        buffer = file.bytes;
        length = file.length;
        return ok;
    }

    private int hex(int at, int digits) {
        int v = 0;
        for (int i = at; i < at + digits && i < length; i++) {
            int c = buffer[i];
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10 : 0;
            v = (v << 4) | d;
        }
        return v;
    }

    private void skipSpaces() {
        while (pos < length && buffer[pos] == ' ') {
            pos++;
        }
    }

    private void skipToken() {
        while (pos < length && buffer[pos] != ' ' && buffer[pos] != '\n') {
            pos++;
        }
    }

    private void skipLine() {
        while (pos < length && buffer[pos] != '\n') {
            pos++;
        }
        pos++;
    }
}
