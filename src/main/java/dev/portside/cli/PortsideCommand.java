package dev.portside.cli;

import dev.portside.scan.PortScanner;
import dev.portside.scan.Scanners;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top command. Without a sub-command it opens the window (through the {@code gui} callback, so
 * that this package never loads JavaFX); with one it runs in the terminal.
 */
@Command(name = "portside", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "See what is listening on this computer, who owns it, and free a port.",
        subcommands = {ListCommand.class})
public final class PortsideCommand implements Callable<Integer> {

    private final Consumer<String[]> gui;

    public PortsideCommand(Consumer<String[]> gui) {
        this.gui = gui;
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, Consumer<String[]> gui) {
        CommandLine cli = new CommandLine(new PortsideCommand(gui));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("portside: " + e.getMessage());
            return 1;
        });
        return cli.execute(args);
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
