package dev.portside.cli;

import dev.portside.core.Snapshot;
import dev.portside.format.SocketJson;
import dev.portside.knowledge.Texts;
import dev.portside.owner.ContainerDirectory;
import dev.portside.scan.OneShotScan;
import dev.portside.scan.PortScanner;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code portside list [--json] [--watch [--interval S]]}: the listening sockets, once or per poll. */
@Command(name = "list", mixinStandardHelpOptions = true, description = {"Print the listening sockets of this computer.",
    "WHAT is the likely owner (a container, a service, a dev server and its project); a name that ends in ?"
        + " is only a guess from the port number."})
public final class ListCommand implements Callable<Integer>, FastPath.Invocation {

    /** Only for --watch: its set-up costs a few ms of a plain list (a holder, made when first used). */
    private static final class Time {
        static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH:mm:ss");
    }
    /** How long the end of the JVM waits for the poll in flight (a netlink read gives up after 2 s). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    @ParentCommand
    PortsideCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array (one object per socket); with --watch, one array per line.")
    boolean json;

    @Option(names = "--watch", description = "Keep polling and print the sockets after every poll, until stopped (Ctrl+C).")
    boolean watch;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1",
            description = "Seconds between two polls with --watch (default ${DEFAULT-VALUE}).")
    double interval;

    @Option(names = "--count", paramLabel = "N", description = "With --watch: stop after N polls.")
    int count;

    @Override
    public Integer call() throws InterruptedException {
        if (watch && !(interval >= 0.1 && interval <= 86_400)) {
            throw new ParameterException(spec.commandLine(), Texts.get("list.watch.badInterval"));
        }
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The command, its fields set (and {@code --interval} checked) by picocli or by {@link FastPath}. */
    @Override
    public int run(PrintWriter out, PrintWriter err) throws InterruptedException {
        if (!watch) {
            // One listing: the one-shot scan.
            // The container engines' list asked on the second thread once it has read the
            // knowledge, while this one still scans: a listing with an engine almost always needs it
            // (a forwarder's or a hidden socket), and its first request's set-up is 10-15 ms
            // (docs/PERFORMANCE.md, step 43). The sockets that need it find it kept.
            Runnable engines = new Runnable() { // not a lambda: step 27 of docs/PERFORMANCE.md
                @Override
                public void run() {
                    ContainerDirectory containers = parent.describer().finder().containers();
                    if (!containers.engines().isEmpty()) {
                        containers.listing();
                    }
                }
            };
            if (json) {
                Preload.forJson(engines);
            } else {
                Preload.forList(engines);
            }
            try (PortScanner scanner = parent.openScanner(OneShotScan.ALL_PORTS)) {
                print(out, scanner.scan(), false);
            }
            return 0;
        }
        // Polling: the window's scanner, whose caches make every poll after the first cheap.
        PortScanner scanner = parent.openScanner();
        WatchLoop loop = new WatchLoop(scanner, Duration.ofNanos(Math.round(interval * 1e9)), count, snapshot -> {
            print(out, snapshot, true);
            return !out.checkError(); // the reader went away (a closed pipe)
        });
        // Ctrl+C or SIGTERM: the poll in flight ends and is printed whole, then the scanner closes.
        Thread stopper = new Thread(() -> loop.stop(STOP_WAIT), "portside-watch-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            loop.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException e) {
                // the JVM is ending: the hook runs (or ran) and waits for the loop, which is done
            }
        }
        return 0;
    }

    private void print(PrintWriter out, Snapshot snapshot, boolean watching) {
        // What each socket is (container, service, project, tool): facts cached per process across polls.
        DescribedSockets owner = watching ? new DescribedSockets(parent.describer())
                : DescribedSockets.inParallel(snapshot.sockets(), parent.describer());
        if (json) {
            out.print((watching ? SocketJson.compact(snapshot.sockets(), owner)
                    : SocketJson.pretty(snapshot.sockets(), owner)) + System.lineSeparator());
        } else {
            if (watching) {
                out.println(Texts.get("list.watch.header",
                        Time.FORMAT.format(LocalTime.ofInstant(snapshot.takenAt(), ZoneId.systemDefault())),
                        snapshot.sockets().size()));
            }
            out.print(SocketTable.format(snapshot.sockets(), owner));
        }
        out.flush();
    }
}
