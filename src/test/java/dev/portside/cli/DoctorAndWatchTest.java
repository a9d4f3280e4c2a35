package dev.portside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import dev.portside.scan.Scanners;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DoctorAndWatchTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void reset() {
        Scanners.setMode(Scanners.Mode.AUTO);
    }

    private int run(String... args) {
        CommandLine cli = PortsideCommand.commandLine(new PortsideCommand(a -> { }));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void doctorNamesTheScannerAndWhereSettingsLive() {
        assertThat(run("doctor")).isZero();
        String text = out.toString();
        assertThat(text).contains("Operating system: " + System.getProperty("os.name"))
                .contains("Scanner in use: " + Scanners.lastChoice().scanner() + " (" + Scanners.lastChoice().reason())
                .contains("Other users' socket owners:")
                .contains("Settings: " + dev.portside.AppDirs.configDir())
                .doesNotContain("!doctor");
    }

    @Test
    void scannerOptionForcesOshiBeforeOrAfterTheSubcommand() {
        assertThat(run("--scanner", "oshi", "doctor")).isZero();
        assertThat(out.toString()).contains("Scanner in use: oshi (forced with --scanner oshi)");
        Scanners.setMode(Scanners.Mode.AUTO);
        assertThat(run("doctor", "--scanner=oshi")).isZero();
        assertThat(out.toString()).contains("Scanner in use: oshi (forced with --scanner oshi)");
    }

    @Test
    void anUnknownScannerIsRefusedInWords() {
        assertThat(run("--scanner", "fastest", "list")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown scanner 'fastest' (choose auto or oshi)");
    }

    @Test
    void watchPrintsOneJsonDocumentPerPoll() throws Exception {
        try (ServerSocket mine = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThat(run("list", "--watch", "--json", "--interval", "0.1", "--count", "3")).isZero();
            List<String> lines = out.toString().lines().toList();
            assertThat(lines).hasSize(3);
            for (String line : lines) {
                JsonArray sockets = JsonParser.parseString(line).getAsJsonArray();
                assertThat(sockets).anySatisfy(s -> assertThat(s.getAsJsonObject().get("port").getAsInt())
                        .isEqualTo(mine.getLocalPort()));
            }
        }
    }

    @Test
    void watchAsATablePrintsAHeaderPerPoll() {
        assertThat(run("list", "--watch", "--interval", "0.1", "--count", "2")).isZero();
        assertThat(out.toString().lines().filter(l -> l.startsWith("\u2014 "))).hasSize(2);
        assertThat(out.toString()).contains("PROTO");
    }

    @Test
    void aBadIntervalIsExplained() {
        assertThat(run("list", "--watch", "--interval", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("The interval must be a number of seconds");
    }
}
