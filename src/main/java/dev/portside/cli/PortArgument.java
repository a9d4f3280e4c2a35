package dev.portside.cli;

import dev.portside.action.PortInput;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Reads the PORT argument of {@code who} and {@code free} with the GUI's own check. */
final class PortArgument {

    /** Exit code for bad arguments, as picocli uses for its own usage errors. */
    static final int BAD_ARGUMENTS = 2;

    private PortArgument() {
    }

    /** The port, or -1 after printing the reason (in the same words as the GUI) on stderr. */
    static int parse(String text, CommandSpec spec) {
        PortInput.Result result = PortInput.parse(text);
        if (result instanceof PortInput.Valid v) {
            return v.port();
        }
        CommandLine cli = spec.commandLine();
        cli.getErr().println("portside " + spec.name() + ": " + ((PortInput.Invalid) result).message());
        cli.getErr().println("Usage: " + spec.qualifiedName() + " PORT   (for example: " + spec.qualifiedName()
                + " 3000)");
        cli.getErr().flush();
        return -1;
    }
}
