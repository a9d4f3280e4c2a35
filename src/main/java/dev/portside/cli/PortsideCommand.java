package dev.portside.cli;

import dev.portside.action.ProcessTerminator;
import dev.portside.scan.PortScanner;
import dev.portside.scan.Scanners;
import java.io.BufferedReader;
import java.io.Console;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The top command. Without a sub-command it opens the window (through the {@code gui} callback, so
 * that this package never loads JavaFX); with one it runs in the terminal.
 */
@Command(name = "portside", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "See what is listening on this computer, who owns it, and free a port.",
        subcommands = {ListCommand.class, WhoCommand.class, FreeCommand.class, WhyCommand.class, DoctorCommand.class})
public final class PortsideCommand implements Callable<Integer> {

    private final Consumer<String[]> gui;

    /** Where {@code free} reads a confirmation: the terminal, or null when there is none. */
    Supplier<BufferedReader> terminalInput = () -> {
        Console console = System.console();
        return console == null ? null : new BufferedReader(console.reader());
    };

    /** How {@code free} ends processes (tests shorten the grace period). */
    Supplier<ProcessTerminator> terminator = ProcessTerminator::new;

    public PortsideCommand(Consumer<String[]> gui) {
        this.gui = gui;
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, Consumer<String[]> gui) {
        return commandLine(new PortsideCommand(gui)).execute(args);
    }

    /** The configured command line (tests set streams and hooks before executing it). */
    static CommandLine commandLine(PortsideCommand command) {
        CommandLine cli = new CommandLine(command);
        // "free -1" must reach our own check ("cannot be negative"), not "unknown option".
        cli.setUnmatchedOptionsArePositionalParams(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("portside: " + e.getMessage());
            return 1;
        });
        return cli;
    }

    BufferedReader terminalInput() {
        return terminalInput.get();
    }

    ProcessTerminator terminator() {
        return terminator.get();
    }

    @Spec
    CommandSpec spec;

    /** {@code --scanner oshi|auto}, for the window and every sub-command. */
    @Option(names = "--scanner", paramLabel = "auto|oshi", scope = ScopeType.INHERIT,
            description = "How to read the ports: auto (the fastest that works here, the default) or oshi (the portable one).")
    void setScanner(String value) {
        try {
            Scanners.setMode(Scanners.Mode.parse(value));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    PortScanner openScanner() {
        return Scanners.best();
    }

    @Override
    public Integer call() {
        gui.accept(new String[0]);
        return 0;
    }
}
