package dev.portside.cli;

import dev.portside.core.ListeningSocket;
import dev.portside.knowledge.HiddenOwners;
import dev.portside.knowledge.Texts;
import dev.portside.owner.Viewer;
import dev.portside.scan.PortScanner;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code portside who PORT}: who holds a port. */
@Command(name = "who", mixinStandardHelpOptions = true,
        description = {"Print who listens on a port: the sockets, the processes, their command lines, and what it"
                + " most likely is (its container, service or project when Portside can tell).",
            "Exit code: 0 when something listens, 1 when nothing does, 2 for a bad PORT."})
public final class WhoCommand implements Callable<Integer>, FastPath.Invocation {

    @ParentCommand
    PortsideCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PORT", arity = "0..1", description = "The port, e.g. 3000 or :3000.")
    String port;

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The command, its fields set by picocli or by {@link FastPath}. */
    @Override
    public int run(PrintWriter out, PrintWriter err) {
        int number = PortArgument.parse(port, "who", err);
        if (number < 0) {
            return PortArgument.BAD_ARGUMENTS;
        }
        Preload.start();
        List<ListeningSocket> sockets;
        try (PortScanner scanner = parent.openScanner(number)) {
            sockets = scanner.scan().onPort(number);
        }
        if (sockets.isEmpty()) {
            out.println(Texts.get("action.outcome.nobody", String.valueOf(number)));
            out.flush();
            return 1;
        }
        DescribedSockets owners = DescribedSockets.all(sockets, parent.describer());
        out.print(OwnerText.describe(sockets, owners));
        out.print(OwnerText.whatItIs(owners.owners()));
        if (!Viewer.isRoot()) { // for root the owner's sentence already says why it is hidden
            sockets.stream().filter(ListeningSocket::ownerHidden).map(s -> HiddenOwners.tooltip(s.user())).distinct()
                    .forEach(out::println);
        }
        out.flush();
        return 0;
    }
}
