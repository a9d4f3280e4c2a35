package dev.portside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/** The help text rendered at build time is what picocli renders now, and is printed as picocli would. */
class UsageTextTest {

    private static CommandLine cli() {
        return PortsideCommand.commandLine(new PortsideCommand(a -> { }));
    }

    @Test
    void bothRenderedTextsAreWhatPicocliRendersNow() {
        assertThat(UsageText.read(UsageText.PLAIN)).as("built by the usage-text step of the build")
                .isEqualTo(UsageText.render(cli(), Ansi.OFF)).contains("Commands:", "who", "free");
        assertThat(UsageText.read(UsageText.COLOURED)).isEqualTo(UsageText.render(cli(), Ansi.ON)).contains("\u001b[");
    }

    @Test
    void printedHelpIsWhatPicocliPrintsForHelp() {
        // no terminal here: picocli prints the text without colours, and so does the shortcut
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(UsageText.print(new PrintStream(bytes, true, StandardCharsets.UTF_8))).isTrue();
        StringWriter picocli = new StringWriter();
        CommandLine cli = cli();
        cli.setOut(new PrintWriter(picocli, true));
        assertThat(cli.execute("--help")).isZero();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(picocli.toString());
    }

    @Test
    void aPicocliSystemPropertyLeavesTheHelpToPicocli() {
        System.setProperty("picocli.usage.width", "120");
        try {
            assertThat(UsageText.print(new PrintStream(new ByteArrayOutputStream()))).isFalse();
        } finally {
            System.clearProperty("picocli.usage.width");
        }
    }
}
