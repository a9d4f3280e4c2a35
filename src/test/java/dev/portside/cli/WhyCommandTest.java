package dev.portside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.portside.testing.OtherUser;
import dev.portside.testing.OtherUser.Rights;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code portside why}: text, JSON, exit codes, and the cases that need another user. */
class WhyCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private InputStream stdin = InputStream.nullInputStream();

    private int run(String... args) {
        PortsideCommand command = new PortsideCommand(a -> {
            throw new AssertionError("the GUI must not start");
        });
        var cli = PortsideCommand.commandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        WhyCommand why = cli.getSubcommands().get("why").getCommand();
        why.stdin = () -> stdin;
        return cli.execute(args);
    }

    private static ServerSocketChannel listenIpv4() throws IOException {
        ServerSocketChannel c = ServerSocketChannel.open(StandardProtocolFamily.INET);
        c.bind(new InetSocketAddress("127.0.0.1", 0));
        return c;
    }

    private static int port(ServerSocketChannel c) {
        return c.socket().getLocalPort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private JsonObject json() {
        return JsonParser.parseString(out.toString()).getAsJsonObject();
    }

    private static List<String> codes(JsonObject o) {
        List<String> codes = new ArrayList<>();
        for (JsonElement f : o.getAsJsonArray("findings")) {
            codes.add(f.getAsJsonObject().get("code").getAsString());
        }
        return codes;
    }

    @Test
    void exitsZeroWhenAListenerAnswers() throws IOException {
        try (ServerSocketChannel l = listenIpv4()) {
            assertThat(run("why", "127.0.0.1:" + port(l))).isZero();
            assertThat(out.toString()).startsWith("Port " + port(l) + "\n").contains("OK (listening):")
                    .contains("What to do: Open http://127.0.0.1:" + port(l) + "/.").contains("What Portside saw:")
                    .contains("Connect to 127.0.0.1:" + port(l) + ": connected");
        }
    }

    @Test
    void exitsOneWhenNothingListens() throws IOException {
        int port = freePort();
        assertThat(run("why", "Error:", "connect", "ECONNREFUSED", "127.0.0.1:" + port)).isEqualTo(1);
        assertThat(out.toString()).contains("Problem (nothing-listening): Nothing listens on port " + port);
    }

    @Test
    void jsonHasInputPortAndFindings() throws IOException {
        try (ServerSocketChannel l = ServerSocketChannel.open(StandardProtocolFamily.INET6)) {
            l.bind(new InetSocketAddress("::1", 0));
            int port = port(l);
            String input = "curl: (7) Failed to connect to 127.0.0.1 port " + port + ": Connection refused";
            assertThat(run("why", "--json", input)).isEqualTo(1);
            JsonObject o = json();
            assertThat(o.get("input").getAsString()).isEqualTo(input);
            assertThat(o.get("port").getAsInt()).isEqualTo(port);
            assertThat(o.get("tool").getAsString()).isEqualTo("curl");
            assertThat(o.get("symptom").getAsString()).isEqualTo("refused");
            assertThat(codes(o)).startsWith("family-mismatch").contains("listening");
            JsonObject first = o.getAsJsonArray("findings").get(0).getAsJsonObject();
            assertThat(first.get("message").getAsString()).contains("::1 (IPv6) only");
            assertThat(first.get("action").getAsString()).startsWith("Use http://[::1]:" + port + "/");
            assertThat(first.get("problem").getAsBoolean()).isTrue();
            JsonArray tried = o.getAsJsonObject("facts").getAsJsonArray("tried");
            assertThat(tried.toString()).contains("\"address\":\"127.0.0.1\"").contains("\"outcome\":\"refused\"")
                    .contains("\"errno\":\"ECONNREFUSED\"").contains("\"address\":\"::1\"").contains("\"outcome\":\"connected\"");
            assertThat(o.getAsJsonObject("facts").getAsJsonArray("sockets").get(0).getAsJsonObject().get("pid").getAsLong())
                    .isEqualTo(ProcessHandle.current().pid());
            assertThat(o.get("exitCode").getAsInt()).isEqualTo(1);
        }
    }

    @Test
    void bindAsksWhetherAServerCanUseThePort() throws IOException {
        int port = freePort();
        assertThat(run("why", "--bind", "--json", String.valueOf(port))).isZero();
        assertThat(codes(json())).startsWith("bind-ok");
        assertThat(json().getAsJsonObject("facts").getAsJsonArray("binds").get(0).getAsJsonObject().get("bound")
                .getAsBoolean()).isTrue();
    }

    @Test
    void aBindAddressThatIsNoAddressIsRefusedPlainly() {
        assertThat(run("why", "--bind", "--bind-address", "abc", "3000")).isEqualTo(2);
        assertThat(err.toString()).contains("\u201cabc\u201d is not an IP address");
    }

    @Test
    void readsAPastedLogFromStandardInput() throws IOException {
        int port = freePort();
        stdin = new ByteArrayInputStream(("node:events:502\n      throw er;\n\nError: listen EADDRINUSE: address already in use :::"
                + port + "\n    at Server.setupListenHandle [as _listen2] (node:net:1908:16)\n").getBytes(StandardCharsets.UTF_8));
        run("why", "--json", "-");
        assertThat(json().get("port").getAsInt()).isEqualTo(port);
        assertThat(json().get("symptom").getAsString()).isEqualTo("in-use");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "70000", "-1", "localhost:99999", "OSError: [Errno 98] Address already in use"})
    void exitsTwoWithAPlainSentenceWhenNoPortCanBeRead(String input) {
        assertThat(run("why", input)).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("portside why: ").contains("Usage: portside why INPUT")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void exitsTwoWhenGivenNothing() {
        assertThat(run("why")).isEqualTo(2);
        assertThat(err.toString()).contains("Type a port");
    }

    @Test
    void controlCharactersNeverReachTheTerminal() {
        assertThat(run("why", "\u001b[2J\u001b]0;pwned\u0007abc\u0000")).isEqualTo(2);
        assertThat(err.toString()).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u0000");
        assertThat(run("why", "--json", "\u001b[2Jabc")).isEqualTo(2);
        assertThat(out.toString()).doesNotContain("\u001b"); // JSON escapes it as \u001b
        assertThat(json().get("input").getAsString()).isEqualTo("\u001b[2Jabc");
        assertThat(json().get("port").isJsonNull()).isTrue();
        assertThat(json().get("error").getAsString()).contains("no port number");
    }

    private static final int DAEMON = 1;
    private static final String PORTSIDE = "dev.portside.Launcher";

    @Test
    void privilegedPortTriedAsAnOrdinaryUser() throws IOException {
        OtherUser.assumeAvailable();
        int port = freePrivilegedPort();
        OtherUser.Result r = OtherUser.run(Rights.ORDINARY, PORTSIDE, "why", "--bind", "--json",
                String.valueOf(port));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertThat(codes(o)).startsWith("privileged-port").contains("bind-failed");
        JsonObject bind = o.getAsJsonObject("facts").getAsJsonArray("binds").get(0).getAsJsonObject();
        assertThat(bind.get("errno").getAsString()).isEqualTo("EACCES");
        assertThat(bind.get("errnoNumber").getAsInt()).isEqualTo(13);
        assertThat(o.getAsJsonArray("findings").get(0).getAsJsonObject().get("message").getAsString())
                .contains("Port " + port + " is a privileged port");
    }

    @Test
    void aSocketOfAnotherUserIsNamedAsSuch() throws Exception {
        OtherUser.assumeAvailable();
        int port = freePort();
        // nobody listens; the diagnosis runs as daemon, which cannot see nobody's process.
        Process listener = new ProcessBuilder("/usr/bin/setpriv", "--reuid=" + OtherUser.NOBODY,
                "--regid=" + OtherUser.NOBODY, "--clear-groups", "/usr/bin/python3", "-c",
                "import socket,sys\ns=socket.socket()\ns.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
                        + "s.bind(('127.0.0.1'," + port + "))\ns.listen()\nprint('LISTENING', flush=True)\nsys.stdin.read()")
                .redirectErrorStream(true).start();
        try {
            String line = new String(listener.getInputStream().readNBytes(10), StandardCharsets.UTF_8);
            assertThat(line).startsWith("LISTENING");
            OtherUser.Result r = OtherUser.run(DAEMON, Rights.ORDINARY, PORTSIDE, "why", "--json",
                    "Error: listen EADDRINUSE: address already in use 127.0.0.1:" + port);
            JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
            assertThat(codes(o)).as(r.out()).startsWith("other-user").contains("listening");
            assertThat(o.getAsJsonArray("findings").get(0).getAsJsonObject().get("message").getAsString())
                    .contains("a process of another user (nobody (uid 65534))");
            assertThat(r.exitCode()).isEqualTo(1);
        } finally {
            listener.getOutputStream().close();
            if (!listener.waitFor(10, TimeUnit.SECONDS)) {
                listener.destroyForcibly().waitFor();
            }
        }
    }

    /** A port below 1024 that nothing holds now (this test runs as root, so it may try them). */
    private static int freePrivilegedPort() throws IOException {
        for (int p = 1023; p > 900; p--) {
            try (ServerSocketChannel c = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
                c.bind(new InetSocketAddress("127.0.0.1", p));
                return p;
            } catch (IOException taken) {
                // next
            }
        }
        throw new IOException("no free port below 1024");
    }
}
