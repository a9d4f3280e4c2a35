package dev.portside.cli;

import dev.portside.action.ProcessTerminator;
import dev.portside.knowledge.OwnerDescriber;
import dev.portside.scan.OneShotScan;
import dev.portside.scan.PortScanner;
import dev.portside.scan.Scanners;
import java.io.BufferedReader;
import java.io.Console;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.IntFunction;
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
 *
 * <p>Sub-commands are registered lazily ({@link #SUBCOMMANDS}): picocli reads a command's
 * annotations when the command is added, so a command line that names one sub-command builds only
 * that one; the others are built only when they are listed ({@code --help}, a mistyped name). To add
 * a sub-command, write it as {@link WhoCommand} is written (an {@code @Command} with a name, a
 * {@code @ParentCommand PortsideCommand parent}) and add it to {@link #SUBCOMMANDS}. A command that
 * is typed often or called in loops can also have a {@link FastPath}: its usual, well-formed
 * argument lists then run without picocli (which costs about 50-90 ms of a 100 ms command);
 * {@code FastPathTest} shows both give the same output.
 *
 * <p>No lambdas or method references on the way to a command: the first one in a JVM sets up the
 * method-handle machinery (several milliseconds of a 50 ms command), and one that names a picocli
 * type keeps picocli's classes out of the class-data-sharing archive (they are Java 5 classes,
 * which the archive holds only while nothing links them as it is written).
 */
@Command(name = "portside", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "See what is listening on this computer, who owns it, and free a port.")
public final class PortsideCommand implements Callable<Integer> {

    /**
     * The sub-commands by name, in the order {@code --help} lists them; each name is the one in the
     * class's {@code @Command} ({@code PortsideCommandTest} checks).
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands(
            "list", ListCommand.class,
            "who", WhoCommand.class,
            "free", FreeCommand.class,
            "why", WhyCommand.class,
            "doctor", DoctorCommand.class);

    private final Consumer<String[]> gui;

    /** Where {@code free} reads a confirmation: the terminal, or null when there is none. */
    Supplier<BufferedReader> terminalInput = new Supplier<>() {
        @Override
        public BufferedReader get() {
            Console console = System.console();
            return console == null ? null : new BufferedReader(console.reader());
        }
    };

    /** How {@code free} ends processes (tests shorten the grace period). */
    Supplier<ProcessTerminator> terminator = new Supplier<>() {
        @Override
        public ProcessTerminator get() {
            return new ProcessTerminator();
        }
    };

    /** What each socket most likely is (tests give one with a fixed clock). */
    Supplier<OwnerDescriber> describer = new Supplier<>() {
        @Override
        public OwnerDescriber get() {
            return OwnerDescriber.shared();
        }
    };

    /** The scanner for one answer about one port, or every port (tests give a fixed one). */
    IntFunction<PortScanner> oneShotScanner = new IntFunction<>() {
        @Override
        public PortScanner apply(int port) {
            return OneShotScan.open(port);
        }
    };

    public PortsideCommand(Consumer<String[]> gui) {
        this.gui = gui;
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, Consumer<String[]> gui) {
        if (args.length == 0) {
            // The window: what picocli would decide, without building the model on the way to the first window.
            gui.accept(args);
            return 0;
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // What picocli prints for it, without building the command model (half of such a run).
            System.out.println(new Version().getVersion()[0]);
            System.out.flush();
            return 0;
        }
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h")) && UsageText.print(System.out)) {
            return 0; // the text picocli rendered at build time
        }
        PortsideCommand command = new PortsideCommand(gui);
        FastPath.Invocation hot = FastPath.match(command, args);
        if (hot != null) {
            return FastPath.execute(hot, FastPath.stdout(), FastPath.stderr()); // who PORT, list, free PORT: no parser
        }
        return commandLine(command, args).execute(args);
    }

    /** The configured command line with every sub-command (tests set streams and hooks before executing it). */
    static CommandLine commandLine(PortsideCommand command) {
        return commandLine(command, new String[0]);
    }

    /**
     * The configured command line for these arguments: only the sub-command they name, or every
     * sub-command when they name none (the window, {@code --help}, a mistyped name).
     */
    static CommandLine commandLine(PortsideCommand command, String[] args) {
        return Parser.commandLine(command, args);
    }

    /**
     * Every use of picocli's classes in code, out of this class: the JVM verifies all of a class's
     * methods when it loads it, and checking {@code new PlainError()} as an execution handler or
     * {@code throw new ParameterException} loads those picocli classes, which from a plain jar
     * ({@code java -jar}, no archive) means searching and opening every jar on the class path before
     * picocli's, JavaFX's among them, for every command (docs/PERFORMANCE.md, "Start-up of a command").
     */
    private static final class Parser {
        static CommandLine commandLine(PortsideCommand command, String[] args) {
            CommandLine cli = new CommandLine(command);
            String named = subcommandNamed(args);
            if (named != null) {
                cli.addSubcommand(named, SUBCOMMANDS.get(named));
            } else {
                for (Map.Entry<String, Class<?>> e : SUBCOMMANDS.entrySet()) {
                    cli.addSubcommand(e.getKey(), e.getValue());
                }
            }
            // "free -1" must reach our own check ("cannot be negative"), not "unknown option".
            cli.setUnmatchedOptionsArePositionalParams(true);
            cli.setExecutionExceptionHandler(new PlainError());
            return cli;
        }

        /** Rejects an option's value as picocli rejects a bad one: its message, and the usage. */
        static void reject(CommandSpec spec, String message) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    /** A failure inside a command: one line in words, exit code 1, never a stack trace. */
    private static final class PlainError implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            commandLine.getErr().println("portside: " + e.getMessage());
            return 1;
        }
    }

    /** The sub-command the arguments name (the first word that is not a top-level option), or null. */
    static String subcommandNamed(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--scanner")) {
                i++; // its value
            } else if (!a.startsWith("-")) {
                return SUBCOMMANDS.containsKey(a) ? a : null;
            } else if (a.equals("--")) {
                return null;
            }
        }
        return null;
    }

    private static Map<String, Class<?>> subcommands(Object... nameThenClass) {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenClass.length; i += 2) {
            m.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
        }
        return Collections.unmodifiableMap(m);
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
            Parser.reject(spec, e.getMessage());
        }
    }

    /** The steady-state scanner (the window's), for commands that poll: {@code list --watch}, {@code doctor}. */
    PortScanner openScanner() {
        return Scanners.best();
    }

    /** The cheapest scanner for one answer about one port, or {@link OneShotScan#ALL_PORTS}. */
    PortScanner openScanner(int port) {
        return oneShotScanner.apply(port);
    }

    OwnerDescriber describer() {
        return describer.get();
    }

    @Override
    public Integer call() {
        gui.accept(new String[0]);
        return 0;
    }
}
