package dev.portside.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs Portside's command line in this JVM, for tests outside this package (output captured, no window). */
public final class Cli {

    public record Result(int exit, String out, String err) {
    }

    private Cli() {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = PortsideCommand.commandLine(new PortsideCommand(a -> {
            throw new AssertionError("the CLI must not open the window");
        }), args);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
