package dev.portside.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * The command lines a developer types all day and scripts call in loops, run without picocli:
 * {@code who PORT}, {@code list}, {@code list --json}, {@code free PORT} with its flags and
 * {@code why WORD...} with or without {@code --json}. Building
 * picocli's model of even one command (its annotations, their proxies, its converters) costs 50-90
 * ms, most of such a command (docs/PERFORMANCE.md, "Start-up of a command"). Only exact, well-formed
 * argument lists take this path; anything else (help, a mistake, {@code --pid}, an {@code @file}, a
 * {@code picocli.*} system property, an argument that starts with "-") goes to picocli as before.
 * The command's own code runs either way ({@link Invocation#run}), with the fields picocli would
 * set; {@code FastPathTest} runs a matrix of argument lists through both and compares what they
 * print and their exit codes.
 *
 * <p>To give another command a fast path: make it an {@link Invocation} whose {@code call()} is
 * {@code run(spec.commandLine().getOut(), spec.commandLine().getErr())}, add its well-formed
 * argument lists to {@link #match}, and add them (and a few near misses) to {@code FastPathTest}.
 */
final class FastPath {

    /** A command with its fields set, as picocli runs it. */
    interface Invocation {
        int run(PrintWriter out, PrintWriter err) throws Exception;
    }

    private FastPath() {
    }

    /** The command these arguments name, its fields set; null when picocli must read them. */
    static Invocation match(PortsideCommand top, String[] args) {
        if (args.length == 0 || picocliProperty()) {
            return null;
        }
        switch (args[0]) {
            case "who":
                if (args.length == 2 && plain(args[1])) {
                    WhoCommand who = new WhoCommand();
                    who.parent = top;
                    who.port = args[1];
                    return who;
                }
                return null;
            case "list":
                if (args.length == 1 || args.length == 2 && args[1].equals("--json")) {
                    ListCommand list = new ListCommand();
                    list.parent = top;
                    list.json = args.length == 2;
                    list.interval = 1; // its default value
                    return list;
                }
                return null;
            case "free":
                return free(top, args);
            case "why":
                return why(top, args);
            default:
                return null;
        }
    }

    /** {@code free PORT} with any of --force, --tree, -y/--yes, each at most once, in any order. */
    private static Invocation free(PortsideCommand top, String[] args) {
        FreeCommand free = new FreeCommand();
        free.parent = top;
        boolean yesGiven = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--force") && !free.force) {
                free.force = true;
            } else if (a.equals("--tree") && !free.tree) {
                free.tree = true;
            } else if ((a.equals("-y") || a.equals("--yes")) && !yesGiven) {
                yesGiven = true;
                free.yes = true;
            } else if (plain(a) && free.port == null) {
                free.port = a;
            } else {
                return null; // twice, or something picocli must judge
            }
        }
        return free.port == null ? null : free;
    }

    /** {@code why WORD...} (a port, an address, a URL, an error message), with --json at most once. */
    private static Invocation why(PortsideCommand top, String[] args) {
        WhyCommand why = new WhyCommand();
        why.parent = top;
        List<String> words = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--json") && !why.json) {
                why.json = true;
            } else if (plain(args[i])) {
                words.add(args[i]);
            } else {
                return null; // "-" (standard input), --bind, a second --json: picocli reads those
            }
        }
        if (words.isEmpty()) {
            return null;
        }
        why.input = words;
        return why;
    }

    /**
     * Runs the command as picocli's {@code execute} would: its exit code, or for an exception one
     * line in words and exit code 1 (the handler of {@link PortsideCommand#commandLine}).
     */
    static int execute(Invocation invocation, PrintWriter out, PrintWriter err) {
        try {
            return invocation.run(out, err);
        } catch (Exception e) {
            err.println("portside: " + e.getMessage());
            return 1;
        }
    }

    /** Standard output as picocli writes to it (its encoding, a buffer flushed at each line). */
    static PrintWriter stdout() {
        return writer(System.out, System.getProperty("sun.stdout.encoding"));
    }

    static PrintWriter stderr() {
        return writer(System.err, System.getProperty("sun.stderr.encoding"));
    }

    private static PrintWriter writer(OutputStream stream, String encoding) {
        Charset charset = Charset.defaultCharset();
        if (encoding != null) {
            try {
                charset = Charset.forName("cp65001".equalsIgnoreCase(encoding) ? "UTF-8" : encoding);
            } catch (RuntimeException e) {
                // picocli, too, falls back to the default charset
            }
        }
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
    }

    /** An argument picocli takes as it is: not an option, not "--", not an @file to expand. */
    private static boolean plain(String arg) {
        return !arg.startsWith("-") && !arg.startsWith("@");
    }

    /** A {@code picocli.*} system property may change how picocli reads or prints anything. */
    private static boolean picocliProperty() {
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("picocli.")) {
                return true;
            }
        }
        return false;
    }
}
