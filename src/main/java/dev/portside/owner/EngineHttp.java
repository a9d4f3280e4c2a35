package dev.portside.owner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Just enough HTTP/1.1 to talk to a container engine's API on its local socket: one request per
 * connection ({@code Connection: close}), a body by {@code Content-Length}, chunked or until the
 * end, every read bounded by a timeout. The Docker and Podman APIs need nothing more; a client
 * library (docker-java) would add 21 MB of jars for these three calls (README, "Dependencies").
 */
final class EngineHttp {

    /** The biggest answer we read (a container list of a few hundred containers is well under this). */
    static final int MAX_BODY = 8 * 1024 * 1024;

    record Response(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final SocketAddress address;

    EngineHttp(SocketAddress address) {
        this.address = address;
    }

    static EngineHttp unix(String path) {
        return new EngineHttp(UnixDomainSocketAddress.of(path));
    }

    SocketAddress address() {
        return address;
    }

    /**
     * Sends one request and reads the whole answer.
     *
     * @throws IOException when the socket cannot be reached (missing, permission denied), the engine
     *     does not answer in time ({@link SocketTimeoutException}), or the answer is not HTTP
     */
    Response send(String method, String path, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel channel = address instanceof UnixDomainSocketAddress
                ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
                Selector selector = Selector.open()) {
            channel.connect(address); // a local socket: connects at once or fails (ENOENT, EACCES, ECONNREFUSED)
            channel.configureBlocking(false);
            String request = method + " " + path + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: Portside\r\n"
                    + "Accept: application/json\r\nConnection: close\r\n"
                    + ("POST".equals(method) ? "Content-Length: 0\r\n" : "") + "\r\n";
            ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
            SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
            while (out.hasRemaining()) {
                await(selector, deadline);
                channel.write(out);
            }
            key.interestOps(SelectionKey.OP_READ);
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(16 * 1024);
            while (true) {
                Response done = parse(raw.toByteArray(), false);
                if (done != null) {
                    return done;
                }
                await(selector, deadline);
                in.clear();
                int n = channel.read(in);
                if (n < 0) {
                    Response last = parse(raw.toByteArray(), true);
                    if (last == null) {
                        throw new IOException("the engine closed the connection before it answered");
                    }
                    return last;
                }
                raw.write(in.array(), 0, n);
                if (raw.size() > MAX_BODY) {
                    throw new IOException("the engine's answer is too big");
                }
            }
        }
    }

    private static void await(Selector selector, long deadline) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0 || selector.select(left) == 0) {
            throw new SocketTimeoutException("the engine did not answer in time");
        }
        selector.selectedKeys().clear();
    }

    /**
     * The response in {@code bytes} if it is complete (or {@code atEnd}: the engine closed the
     * connection), else null.
     */
    static Response parse(byte[] bytes, boolean atEnd) throws IOException {
        int headerEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        if (headerEnd < 0) {
            if (atEnd) {
                throw new IOException("the engine's answer is not HTTP");
            }
            return null;
        }
        String head = new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new IOException("the engine's answer is not HTTP");
        }
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (NumberFormatException e) {
            throw new IOException("the engine's answer is not HTTP");
        }
        long length = -1;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            if (name.equals("content-length")) {
                try {
                    length = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new IOException("the engine sent a broken Content-Length");
                }
            } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        int bodyStart = headerEnd + 4;
        if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
            return new Response(status, "");
        }
        if (chunked) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int pos = bodyStart;
            while (true) {
                int lineEnd = indexOf(bytes, new byte[] {'\r', '\n'}, pos);
                if (lineEnd < 0) {
                    return incomplete(atEnd);
                }
                String sizeText = new String(bytes, pos, lineEnd - pos, StandardCharsets.US_ASCII).trim();
                int semicolon = sizeText.indexOf(';');
                int size;
                try {
                    size = Integer.parseInt(semicolon >= 0 ? sizeText.substring(0, semicolon) : sizeText, 16);
                } catch (NumberFormatException e) {
                    throw new IOException("the engine sent a broken chunk");
                }
                if (size == 0) {
                    return new Response(status, body.toString(StandardCharsets.UTF_8));
                }
                int dataStart = lineEnd + 2;
                if (dataStart + size + 2 > bytes.length) {
                    return incomplete(atEnd);
                }
                body.write(bytes, dataStart, size);
                pos = dataStart + size + 2;
            }
        }
        if (length >= 0) {
            if (bytes.length - bodyStart < length) {
                return incomplete(atEnd);
            }
            return new Response(status, new String(bytes, bodyStart, (int) length, StandardCharsets.UTF_8));
        }
        if (!atEnd) {
            return null; // no length: the body ends with the connection
        }
        return new Response(status, new String(bytes, bodyStart, bytes.length - bodyStart, StandardCharsets.UTF_8));
    }

    private static Response incomplete(boolean atEnd) throws IOException {
        if (atEnd) {
            throw new IOException("the engine's answer was cut short");
        }
        return null;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
