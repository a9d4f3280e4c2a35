package dev.portside.cli;

import dev.portside.core.Snapshot;
import dev.portside.scan.PortScanner;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code portside list [--json]}: the listening sockets, once. */
@Command(name = "list", description = "Print the listening sockets of this computer.", mixinStandardHelpOptions = true)
public final class ListCommand implements Callable<Integer> {

    @ParentCommand
    PortsideCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array (one object per socket).")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (PortScanner scanner = parent.openScanner()) {
            Snapshot snapshot = scanner.scan();
            out.print(json ? SocketJson.pretty(snapshot.sockets()) + System.lineSeparator()
                    : SocketTable.format(snapshot.sockets()));
            out.flush();
        }
        return 0;
    }
}
