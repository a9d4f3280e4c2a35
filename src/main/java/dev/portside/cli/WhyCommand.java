package dev.portside.cli;

import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import dev.portside.diagnose.Diagnose;
import dev.portside.diagnose.Diagnosis;
import dev.portside.diagnose.DiagnosisJson;
import dev.portside.diagnose.DiagnosisText;
import dev.portside.knowledge.Texts;
import dev.portside.poll.BackgroundRunner;
import dev.portside.scan.OneShotScan;
import dev.portside.scan.PortScanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code portside why INPUT}: why can't I connect, why is it in use? INPUT is a port, an address, a
 * URL or a pasted error message (several words are read as one text; {@code -} reads standard input).
 */
@Command(name = "why", mixinStandardHelpOptions = true,
        description = {"Why can't I connect? Why is it in use? Give a port (3000), an address (localhost:3000),"
                + " a URL or a pasted error message; Portside checks this computer and says what is wrong and what to do.",
            "Exit code: 0 when nothing is wrong (a listener answers), 1 when a finding is a problem,"
                + " 2 when no port could be read from INPUT."})
public final class WhyCommand implements Callable<Integer>, FastPath.Invocation {

    /** At most this much of standard input is read. */
    static final int MAX_STDIN = 256 * 1024;

    @ParentCommand
    PortsideCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "A port, an address, a URL or an error message (quote it, or give - to read it from standard input).")
    List<String> input;

    @Option(names = "--json", description = "Print the findings as JSON: {\"input\", \"port\", \"findings\": [{\"code\", \"message\", \"action\"}], \"facts\"}.")
    boolean json;

    @Option(names = "--bind", description = "Also try to listen on the port (released at once): can my server use it?")
    boolean bind;

    @Option(names = "--bind-address", paramLabel = "ADDRESS",
            description = "Where --bind tries: an address of this computer (:: or 0.0.0.0 for every address). By default"
                    + " the address INPUT names, else 127.0.0.1.")
    String bindAddress;

    /** Where "-" reads from (tests give their own; no lambda on the way to a command, see PortsideCommand). */
    Supplier<InputStream> stdin = new Supplier<>() {
        @Override
        public InputStream get() {
            return System.in;
        }
    };

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The command, its fields set by picocli or by {@link FastPath}. */
    @Override
    public int run(PrintWriter out, PrintWriter err) {
        Preload.forDiagnosis();
        String text = text();
        Diagnose.BindRequest at = bind ? Diagnose.BindRequest.NAMED_OR_LOOPBACK : Diagnose.BindRequest.NONE;
        if (bind && bindAddress != null) {
            try {
                at = Diagnose.BindRequest.at(IpAddress.parse(bindAddress));
            } catch (IllegalArgumentException e) {
                err.println("portside why: " + Texts.get("why.badBindAddress", DiagnosisText.echo(bindAddress)));
                err.flush();
                return Diagnosis.EXIT_UNREADABLE;
            }
        }
        Diagnose.Outcome outcome;
        // The command's own runner: its step threads bound the probes, and end with the command.
        try (PortScanner scanner = parent.openScanner(OneShotScan.ALL_PORTS);
                BackgroundRunner runner = BackgroundRunner.daemonThreads("portside-why", 1, Runnable::run)) {
            // Every port, not only this one: "Vite moved to 5174" needs the neighbours.
            outcome = new Diagnose(Diagnose.Sources.thisComputer(new ScannerSource(scanner)), runner).run(text, at);
        }
        if (json) {
            out.println(DiagnosisJson.pretty(outcome));
        } else if (outcome instanceof Diagnose.NotRead n) {
            err.println("portside why: " + n.message());
            err.println(Texts.get("why.usage"));
        } else {
            Diagnosis d = ((Diagnose.Diagnosed) outcome).diagnosis();
            out.println(Texts.get("why.heading", String.valueOf(d.input().port())));
            out.println();
            out.print(DiagnosisText.of(d));
        }
        out.flush();
        err.flush();
        return outcome.exitCode();
    }

    /** The sockets of one scan, for the diagnosis. */
    private static final class ScannerSource implements Diagnose.SocketSource {
        private final PortScanner scanner;

        ScannerSource(PortScanner scanner) {
            this.scanner = scanner;
        }

        @Override
        public List<ListeningSocket> listening() {
            return scanner.scan().sockets();
        }
    }

    private String text() {
        List<String> words = input == null ? List.of() : input;
        if (words.size() == 1 && words.get(0).equals("-")) {
            try (InputStream in = stdin.get()) {
                byte[] bytes = in.readNBytes(MAX_STDIN);
                return new String(bytes, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }
        return String.join(" ", words);
    }
}
