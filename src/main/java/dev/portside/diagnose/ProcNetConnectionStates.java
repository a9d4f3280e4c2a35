package dev.portside.diagnose;

import dev.portside.core.IpAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the connection states of one port from /proc/net/tcp and /proc/net/tcp6 (state 06 is
 * TIME_WAIT). The scanner's own parser skips every row that is not a listener; this one keeps the
 * rows of one port in every state. A diagnosis reads the files once, so plain text parsing is fine.
 */
final class ProcNetConnectionStates implements ConnectionStates {

    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private final Path net;

    ProcNetConnectionStates(String procRoot) {
        this.net = Path.of(procRoot, "net");
    }

    @Override
    public List<TcpConnection> onPort(int port) {
        List<TcpConnection> result = new ArrayList<>();
        read(net.resolve("tcp"), port, result);
        read(net.resolve("tcp6"), port, result);
        return result;
    }

    private static void read(Path file, int port, List<TcpConnection> into) {
        String text;
        try (InputStream in = Files.newInputStream(file)) {
            // Big reads from offset 0 (the files report size 0; see PortRules.linuxStart).
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return; // no IPv6 on this machine
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        parse(text, port, into);
    }

    /** Parses the text of /proc/net/tcp or tcp6 (header line first), keeping the rows of one local port. */
    static void parse(String text, int port, List<TcpConnection> into) {
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+");
            if (f.length < 4) {
                continue;
            }
            Endpoint local = endpoint(f[1]);
            if (local == null || local.port != port) {
                continue;
            }
            Endpoint remote = endpoint(f[2]);
            if (remote == null) {
                continue;
            }
            int state;
            try {
                state = Integer.parseInt(f[3], 16);
            } catch (NumberFormatException e) {
                continue;
            }
            TcpConnection.State tcpState = TcpConnection.State.ofLinuxCode(state);
            // a listener's rx_queue (after the colon of "tx_queue:rx_queue") is its accept queue's length
            int waiting = 0;
            if (tcpState == TcpConnection.State.LISTEN && f.length > 4 && f[4].indexOf(':') >= 0) {
                try {
                    waiting = Integer.parseInt(f[4].substring(f[4].indexOf(':') + 1), 16);
                } catch (NumberFormatException e) {
                    waiting = 0;
                }
            }
            into.add(new TcpConnection(local.address, local.port, remote.address, remote.port, tcpState, waiting));
        }
    }

    private record Endpoint(IpAddress address, int port) {
    }

    /** {@code 0100007F:0BB8}: the address as 32-bit words in host order, then the port in hex. */
    private static Endpoint endpoint(String field) {
        int colon = field.indexOf(':');
        if (colon != 8 && colon != 32) {
            return null;
        }
        try {
            byte[] bytes = new byte[colon / 2];
            for (int word = 0; word < colon / 8; word++) {
                long v = Long.parseLong(field.substring(word * 8, word * 8 + 8), 16);
                for (int b = 0; b < 4; b++) {
                    int shift = LITTLE_ENDIAN ? 8 * b : 8 * (3 - b);
                    bytes[word * 4 + b] = (byte) (v >>> shift);
                }
            }
            return new Endpoint(IpAddress.of(bytes), Integer.parseInt(field.substring(colon + 1), 16));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return null;
        }
    }
}
