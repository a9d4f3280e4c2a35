package dev.portside.cli;

import dev.portside.action.ContainerStop;
import dev.portside.action.ForceConsent;
import dev.portside.action.KillOptions;
import dev.portside.action.KillOutcome;
import dev.portside.action.KillPlan;
import dev.portside.action.KillProgress;
import dev.portside.action.KillTarget;
import dev.portside.action.PortFreer;
import dev.portside.action.Preparation;
import dev.portside.action.ProcessTerminator;
import dev.portside.core.Printable;
import dev.portside.knowledge.LikelyOwner;
import dev.portside.knowledge.Texts;
import dev.portside.owner.Container;
import dev.portside.owner.ContainerEngine;
import dev.portside.owner.ContainerStopper;
import dev.portside.owner.OwnerFacts;
import dev.portside.owner.Viewer;
import dev.portside.scan.PortScanner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code portside free PORT}: the window's safe sequence from a terminal, with the same plan and the
 * same checks ({@link PortFreer#prepare}). Shows who holds the port and what will not be ended and
 * why, asks (unless {@code --yes}), ends every owner (or those given with {@code --pid}) gracefully,
 * forces only with {@code --force} or when the user agrees, then checks the port again.
 */
@Command(name = "free", mixinStandardHelpOptions = true,
        description = {"End the processes that listen on a port, safely, and check that it is free."
                + " A container's port is freed by stopping the container (through Docker's or Podman's API).",
            "Exit code: 0 when the port is free afterwards, 1 when it is still held or nothing was ended,"
                + " 2 for a bad PORT."})
public final class FreeCommand implements Callable<Integer>, FastPath.Invocation {

    @ParentCommand
    PortsideCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PORT", arity = "0..1", description = "The port, e.g. 3000 or :3000.")
    String port;

    @Option(names = "--force", description = "End by force if a process has not ended after the grace period.")
    boolean force;

    @Option(names = "--tree", description = "Also end the processes' child processes (npm and the node it started).")
    boolean tree;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Option(names = "--pid", paramLabel = "PID", split = ",",
            description = "End only these of the port's processes (by default every one that holds it).")
    List<Long> pids = new ArrayList<>();

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The command, its fields set by picocli or by {@link FastPath}. */
    @Override
    public int run(PrintWriter out, PrintWriter err) {
        int number = PortArgument.parse(port, "free", err);
        if (number < 0) {
            return PortArgument.BAD_ARGUMENTS;
        }
        Preload.start();
        try (PortScanner scanner = parent.openScanner(number)) {
            PortFreer freer = new PortFreer(scanner, parent.terminator());
            KillPlan plan = freer.plan(number);
            if (plan.sockets().isEmpty()) {
                out.println(Texts.get("action.outcome.nobody", String.valueOf(number)));
                out.flush();
                return 0;
            }
            // What the port really is: a container's port is freed by stopping the container.
            DescribedSockets owners = DescribedSockets.all(plan.sockets(), parent.describer());
            out.print(OwnerText.describe(plan.sockets(), owners));
            out.println();
            Optional<LikelyOwner> container = owners.owners().stream().filter(o -> o.facts().container() != null)
                    .findFirst();
            if (container.isPresent() && pids.isEmpty()) {
                return stopContainer(out, freer, plan, container.get().facts());
            }
            owners.owners().stream().map(o -> o.facts().unit()).filter(Objects::nonNull).findFirst()
                    .ifPresent(unit -> out.println(Printable.of(Texts.get("cli.free.service",
                            unit.stopCommand(Viewer.isRoot())))));
            if (!pids.isEmpty()) {
                List<Long> strangers = pids.stream()
                        .filter(pid -> plan.owners().stream().noneMatch(o -> o.pid() == pid)).toList();
                if (!strangers.isEmpty()) {
                    err.println(Texts.get("cli.free.notAnOwner",
                            strangers.stream().map(String::valueOf).collect(Collectors.joining(", ")),
                            String.valueOf(number)));
                    return PortArgument.BAD_ARGUMENTS;
                }
            }
            // The same checks as the window's confirmation: what may not end is left alone, with why.
            Preparation prepared = freer.prepare(pids.isEmpty() ? plan : plan.choosing(pids));
            if (prepared instanceof Preparation.Blocked blocked) {
                return report(out, blocked.why());
            }
            KillPlan ready = ((Preparation.Ready) prepared).plan();
            for (KillTarget kept : ready.keptOwners()) {
                String why = ready.leftAlone().get(kept.pid());
                if (why != null) {
                    out.println(why);
                } else if (!(tree && ready.inTreeOfTarget(kept.pid()))) {
                    out.println(Texts.get("cli.free.notChosen", kept.label()));
                }
            }
            ProcessTerminator terminator = freer.terminator();
            String what = whatEnds(ready, terminator);
            BufferedReader terminal = yes ? null : parent.terminalInput();
            if (!yes) {
                if (terminal == null) {
                    out.println(Texts.get("cli.free.noTerminal", what));
                    out.flush();
                    return 1;
                }
                if (!ask(out, terminal, Texts.get(terminator.canAskToClose() ? "cli.free.confirm"
                        : "cli.free.confirm.atOnce", what))) {
                    out.println(Texts.get("action.refused.notConfirmed"));
                    out.flush();
                    return 1;
                }
            }
            ForceConsent consent = force || terminal == null ? ForceConsent.NEVER
                    : (target, running) -> ask(out, terminal, Texts.get("cli.free.askForce", target.label(),
                            String.valueOf(terminator.grace().toSeconds()))) ? ForceConsent.Answer.FORCE
                            : ForceConsent.Answer.LEAVE_RUNNING;
            Set<Long> announced = new HashSet<>();
            KillProgress progress = (target, waited, limit) -> {
                if (terminator.canAskToClose() && announced.add(target.pid())) {
                    out.println(Texts.get("cli.free.asking", target.label()));
                    out.flush();
                }
            };
            return report(out, freer.free(ready, new KillOptions(tree, force), consent, progress));
        }
    }

    /** Stops the container behind the port (after asking, unless --yes), then watches the port. */
    private int stopContainer(PrintWriter out, PortFreer freer, KillPlan plan, OwnerFacts facts) {
        Container c = facts.container();
        ContainerStopper stopper = new ContainerStopper(parent.describer().finder().containers());
        String forwarders = plan.sockets().stream().flatMap(s -> s.owners().stream()).map(p -> p.displayName())
                .distinct().collect(Collectors.joining(", "));
        long grace = stopper.grace(c).orElse(ContainerEngine.DEFAULT_GRACE).toSeconds();
        out.println(Printable.of(Texts.get("cli.free.container", String.valueOf(plan.port()), c.engine(),
                c.displayName(), c.image(), forwarders.isEmpty() ? "docker-proxy" : forwarders, String.valueOf(grace))));
        String what = Printable.of(Texts.get("cli.free.confirmContainer", c.displayName(), c.image()));
        if (!yes) {
            BufferedReader terminal = parent.terminalInput();
            if (terminal == null) {
                out.println(Texts.get("cli.free.noTerminal.container", Printable.of(c.displayName())));
                out.flush();
                return 1;
            }
            if (!ask(out, terminal, what)) {
                out.println(Texts.get("action.refused.notConfirmed"));
                out.flush();
                return 1;
            }
        }
        out.println(Printable.of(Texts.get("cli.free.stoppingContainer", c.engine(), c.displayName())));
        out.flush();
        return report(out, new ContainerStop(freer, stopper).stop(plan, c));
    }

    /** "java (pid 4188)" or, with --tree, "npm (pid 4100) and its 2 child processes (node (pid 4188), …)". */
    private String whatEnds(KillPlan plan, ProcessTerminator terminator) {
        // loops, not streams: on the way to the question every lambda linked at run time costs
        StringBuilder what = new StringBuilder();
        for (KillTarget t : plan.targets()) {
            if (what.length() > 0) {
                what.append(", ");
            }
            List<KillTarget> children = tree ? plan.treeOf(t.pid()) : List.of();
            if (children.isEmpty()) {
                what.append(t.label());
                continue;
            }
            StringBuilder names = new StringBuilder();
            for (int i = children.size() - 1; i >= 0; i--) { // top down
                names.append(names.length() > 0 ? ", " : "").append(children.get(i).label());
            }
            what.append(Texts.get("cli.free.withChildren", t.label(), children.size(), names.toString()));
        }
        return what.toString();
    }

    private static int report(PrintWriter out, KillOutcome outcome) {
        out.println(outcome.message());
        out.flush();
        return outcome.portFree() ? 0 : 1;
    }

    private static boolean ask(PrintWriter out, BufferedReader in, String question) {
        out.print(question + " [y/N] ");
        out.flush();
        try {
            String answer = in.readLine();
            return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            return false;
        }
    }
}
