package dev.portside.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A real process named "new\nline" (Python started through a link of that name) with an escape
 * sequence in its command line: the terminal output shows both escaped, one line per socket, and no
 * ESC byte; JSON keeps the real values.
 */
class SystemTextInTheTerminalTest {

    private static final String NAME = "new\nline";
    private static final String CLEAR_SCREEN = "\u001b[2J";

    @TempDir
    Path dir;

    private Process python;
    private Path link;
    private int port;

    @BeforeEach
    void startTheOddlyNamedListener() throws Exception {
        Path interpreter = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(interpreter), "needs /usr/bin/python3 (Linux)");
        link = Files.createSymbolicLink(dir.resolve(NAME), interpreter.toRealPath());
        String script = "import socket,sys,time\n"
                + "s=socket.socket(); s.bind(('127.0.0.1',0)); s.listen()\n"
                + "print(s.getsockname()[1], flush=True)\n"
                + "sys.stdin.read()\n"; // until the test closes our input
        python = new ProcessBuilder(link.toString(), "-c", script, CLEAR_SCREEN + "red" + "\u001b[0m")
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
        port = Integer.parseInt(out.readLine().strip());
    }

    @AfterEach
    void stop() throws Exception {
        if (python != null) {
            python.getOutputStream().close();
            if (!python.waitFor(10, TimeUnit.SECONDS)) {
                python.destroyForcibly();
            }
        }
        if (link != null) {
            Files.delete(link); // the link only, not the interpreter it points to
        }
    }

    @Test
    void theListTableHasOneLinePerSocketAndNoEscapeByte() {
        String json = run("list", "--json");
        List<JsonObject> sockets = JsonParser.parseString(json).getAsJsonArray().asList().stream()
                .map(JsonElement::getAsJsonObject).toList();
        JsonObject mine = sockets.stream().filter(o -> o.get("port").getAsInt() == port).findFirst().orElseThrow();
        assertThat(mine.get("process").getAsString()).as("JSON keeps the real name").isEqualTo(NAME);
        assertThat(mine.get("commandLine").getAsString()).contains(CLEAR_SCREEN);
        assertThat(mine.get("pid").getAsLong()).isEqualTo(python.pid());

        String table = run("list");
        assertThat(table).doesNotContain("\u001b");
        List<String> lines = Arrays.asList(table.split("\\R"));
        assertThat(lines.get(0)).startsWith("PROTO");
        // Every line after the header is a socket: none was split by a name.
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).matches("(tcp|udp)6? .*"));
        assertThat(lines).filteredOn(l -> l.contains(" " + port + " ")).singleElement().asString()
                .contains("new\\nline").contains(Long.toString(python.pid()));
    }

    @Test
    void whoShowsTheNameAndTheCommandLineEscaped() {
        String who = run("who", Integer.toString(port));
        assertThat(who).doesNotContain("\u001b").contains("new\\nline (pid " + python.pid() + ")")
                .contains("\\x1b[2Jred\\x1b[0m");
        assertThat(who).doesNotContain(NAME);
        assertThat(who.split("\\R")).filteredOn(l -> l.startsWith("tcp")).hasSize(1);
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = PortsideCommand.commandLine(new PortsideCommand(a -> {
            throw new AssertionError("the CLI must not open the window");
        }));
        cli.setOut(new PrintWriter(out));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        assertThat(code).as("portside %s: %s", String.join(" ", args), err).isZero();
        return out.toString();
    }
}
