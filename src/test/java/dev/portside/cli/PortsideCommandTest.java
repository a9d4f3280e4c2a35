package dev.portside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The lazy sub-command registry and the {@code --version} shortcut say what picocli would. */
class PortsideCommandTest {

    @Test
    void everyRegisteredNameIsTheCommandsOwnName() {
        for (Map.Entry<String, Class<?>> e : PortsideCommand.SUBCOMMANDS.entrySet()) {
            assertThat(e.getValue().getAnnotation(Command.class).name()).isEqualTo(e.getKey());
        }
    }

    @Test
    void aCommandLineNamingOneSubcommandBuildsOnlyThatOne() {
        CommandLine cli = PortsideCommand.commandLine(new PortsideCommand(a -> { }), new String[] {"who", "3000"});
        assertThat(cli.getSubcommands()).containsOnlyKeys("who");
        cli = PortsideCommand.commandLine(new PortsideCommand(a -> { }),
                new String[] {"--scanner", "oshi", "free", "3000", "--yes"});
        assertThat(cli.getSubcommands()).containsOnlyKeys("free");
    }

    @Test
    void withoutASubcommandEveryOneIsThereForHelpAndSuggestions() {
        for (String[] args : new String[][] {{}, {"--help"}, {"wh", "3000"}, {"--scanner", "who"}, {"--", "who"}}) {
            CommandLine cli = PortsideCommand.commandLine(new PortsideCommand(a -> { }), args);
            assertThat(cli.getSubcommands().keySet()).as(String.join(" ", args))
                    .containsExactlyElementsOf(PortsideCommand.SUBCOMMANDS.keySet());
        }
    }

    @Test
    void helpListsEveryCommandInTheRegistrysOrder() {
        StringWriter out = new StringWriter();
        CommandLine cli = PortsideCommand.commandLine(new PortsideCommand(a -> { }), new String[] {"--help"});
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).containsSubsequence("Commands:", "  list ", "  who ", "  free ", "  doctor ");
    }

    @Test
    void theVersionShortcutPrintsWhatPicocliPrints() {
        StringWriter out = new StringWriter();
        CommandLine cli = PortsideCommand.commandLine(new PortsideCommand(a -> { }));
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute("--version")).isZero();
        assertThat(out.toString()).isEqualTo(new Version().getVersion()[0] + System.lineSeparator());
    }

    @Test
    void noArgumentsOpenTheWindowAsPicocliWould() {
        java.util.concurrent.atomic.AtomicReference<String[]> opened = new java.util.concurrent.atomic.AtomicReference<>();
        assertThat(PortsideCommand.run(new String[0], opened::set)).isZero();
        assertThat(opened.get()).isEmpty();
    }

    @Test
    void aScannerThatDoesNotExistIsRejectedWithTheChoicesAndTheUsage() {
        Cli.Result r = Cli.run("--scanner", "bogus", "who", "3000");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown scanner 'bogus' (choose auto or oshi)").contains("Usage: portside");
    }
}
