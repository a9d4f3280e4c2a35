package dev.portside.owner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A container engine that answers recorded HTTP responses (the raw bytes a real dockerd sent, in
 * {@code src/test/resources/dev/portside/owner}) on a real unix socket, for the tests that must
 * also pass where no Docker runs. Each answer is written in small pieces, as a slow engine would.
 */
public final class FakeEngine implements AutoCloseable {

    private final Path socket;
    private final ServerSocketChannel server;
    private final Map<String, byte[]> answers = new ConcurrentHashMap<>();
    private final Map<String, Runnable> hooks = new ConcurrentHashMap<>();
    public final List<String> requests = new CopyOnWriteArrayList<>();
    /** Connections accepted but never answered (an engine that hangs). */
    private final List<SocketChannel> held = new CopyOnWriteArrayList<>();
    private volatile boolean silent;
    private final Thread thread;

    public FakeEngine(Path dir) throws IOException {
        socket = dir.resolve("engine.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        thread = new Thread(this::serve, "fake-engine");
        thread.setDaemon(true);
        thread.start();
    }

    public String path() {
        return socket.toString();
    }

    public ContainerEngine engine() {
        return ContainerEngine.unix(path());
    }

    /** Answers "METHOD PATH" with a recorded response file. */
    public FakeEngine answer(String request, String recording) {
        try (InputStream in = FakeEngine.class.getResourceAsStream(recording)) {
            answers.put(request, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Answers "METHOD PATH" with a JSON body. */
    public FakeEngine answerJson(String request, int status, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return answerRaw(request, "HTTP/1.1 " + status + " OK\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n" + json);
    }

    /** Runs {@code action} when "METHOD PATH" comes in, before the answer (a container that stops frees its port). */
    public FakeEngine onRequest(String request, Runnable action) {
        hooks.put(request, action);
        return this;
    }

    /** Accepts connections and never answers. */
    public FakeEngine silent() {
        silent = true;
        return this;
    }

    /** Answers "METHOD PATH" with these bytes. */
    public FakeEngine answerRaw(String request, String raw) {
        answers.put(request, raw.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    private void serve() {
        while (server.isOpen()) {
            SocketChannel c;
            try {
                c = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (silent) { // checked after the accept: the setting may come after the thread started
                held.add(c);
                continue;
            }
            try (c) {
                ByteBuffer in = ByteBuffer.allocate(8192);
                StringBuilder head = new StringBuilder();
                while (!head.toString().contains("\r\n\r\n") && c.read(in) > 0) {
                    in.flip();
                    head.append(StandardCharsets.US_ASCII.decode(in));
                    in.clear();
                }
                String[] line = head.toString().split("\r\n")[0].split(" ");
                String request = line[0] + " " + line[1];
                requests.add(request);
                hooks.getOrDefault(request, () -> { }).run();
                byte[] answer = answers.getOrDefault(request,
                        "HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII));
                for (int off = 0; off < answer.length; off += 97) {
                    c.write(ByteBuffer.wrap(answer, off, Math.min(97, answer.length - off)));
                }
            } catch (IOException | RuntimeException e) {
                // a client that went away: serve the next
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel c : held) {
            c.close();
        }
        Files.deleteIfExists(socket);
    }
}
