package dev.portside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ListCommandTest {

    @Test
    void jsonListsASocketTheTestOpensWithEveryDocumentedField() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Result r = run("list", "--json");
            assertThat(r.code).isZero();
            JsonArray array = JsonParser.parseString(r.out).getAsJsonArray();
            JsonObject mine = null;
            for (JsonElement e : array) {
                JsonObject o = e.getAsJsonObject();
                if (o.get("port").getAsInt() == server.getLocalPort() && o.get("protocol").getAsString().equals("tcp")
                        && o.get("address").getAsString().matches("(::ffff:)?127\\.0\\.0\\.1")) {
                    mine = o;
                }
            }
            assertThat(mine).as("our socket in %s", r.out).isNotNull();
            assertThat(mine.get("family").getAsString()).isIn("ipv4", "ipv6"); // Java may bind dual-stack
            assertThat(mine.get("scope").getAsString()).isEqualTo("loopback");
            assertThat(mine.get("category").getAsString()).isIn("registered", "dynamic");
            assertThat(mine.get("pid").getAsLong()).isEqualTo(ProcessHandle.current().pid());
            assertThat(mine.get("process").getAsString()).isNotEmpty();
            assertThat(mine.has("user")).isTrue();
            for (JsonElement e : array) {
                JsonObject o = e.getAsJsonObject();
                // a hidden owner is null, never -1
                assertThat(o.get("pid").isJsonNull() || o.get("pid").getAsLong() > 0).isTrue();
            }
        }
    }

    @Test
    void plainListIsAnAlignedTable() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Result r = run("list");
            assertThat(r.code).isZero();
            String[] lines = r.out.split("\\R");
            assertThat(lines[0]).startsWith("PROTO").contains("ADDRESS", "PORT", "CATEGORY", "PID", "PROCESS");
            int portColumnEnd = lines[0].indexOf("PORT") + 4;
            String mine = null;
            for (String line : lines) {
                if (line.contains(" " + server.getLocalPort() + " ") && line.contains("127.0.0.1")) {
                    mine = line;
                }
            }
            assertThat(mine).isNotNull();
            // ports are right-aligned under the header
            assertThat(mine.substring(0, portColumnEnd)).endsWith(String.valueOf(server.getLocalPort()));
        }
    }

    @Test
    void withoutASubcommandItOpensTheWindow() {
        AtomicBoolean opened = new AtomicBoolean();
        int code = new CommandLine(new PortsideCommand(args -> opened.set(true))).execute();
        assertThat(code).isZero();
        assertThat(opened).isTrue();
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = PortsideCommand.commandLine(new PortsideCommand(a -> {
            throw new AssertionError("the CLI must not open the window");
        }));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
    }
}
