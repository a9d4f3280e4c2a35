package dev.portside.cli;

import dev.portside.core.BundledFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * {@code portside --help}, rendered by picocli when the project is built, so that asking for help
 * does not build the model of every command (two thirds of such a run; docs/PERFORMANCE.md,
 * "Start-up of a command"). The build runs {@link #main} after compiling (pom.xml,
 * {@code usage-text}); it writes the text with and without ANSI colours, and {@link #print} prints
 * the one picocli would. Where the files are missing (a build without that step, an IDE), or a
 * {@code picocli.*} system property could change the text, picocli renders it as usual.
 * {@code UsageTextTest} checks that both texts are what picocli renders now.
 */
public final class UsageText {

    static final String PLAIN = "usage.txt";
    static final String COLOURED = "usage-ansi.txt";

    private UsageText() {
    }

    /** Writes both texts into {@code args[0]}/dev/portside/cli (the build's class folder). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0], "dev", "portside", "cli");
        Files.createDirectories(dir);
        CommandLine cli = PortsideCommand.commandLine(new PortsideCommand(new NoWindow()));
        Files.writeString(dir.resolve(PLAIN), render(cli, Ansi.OFF));
        Files.writeString(dir.resolve(COLOURED), render(cli, Ansi.ON));
    }

    /** What picocli prints for {@code --help}, with line ends as "\n". */
    static String render(CommandLine cli, Ansi ansi) {
        return cli.getUsageMessage(ansi).replace(System.lineSeparator(), "\n");
    }

    /**
     * Prints the rendered help as picocli would print it here; false (nothing printed) when it
     * cannot say for sure.
     */
    static boolean print(PrintStream out) {
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("picocli.")) {
                return false;
            }
        }
        String text = read(Ansi.AUTO.enabled() ? COLOURED : PLAIN);
        if (text == null) {
            return false;
        }
        out.print(text.replace("\n", System.lineSeparator()));
        out.flush();
        return true;
    }

    static String read(String name) {
        try (InputStream in = BundledFiles.open(UsageText.class, name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** The build renders text only. */
    private static final class NoWindow implements java.util.function.Consumer<String[]> {
        @Override
        public void accept(String[] args) {
            throw new IllegalStateException("not while rendering the help text");
        }
    }
}
