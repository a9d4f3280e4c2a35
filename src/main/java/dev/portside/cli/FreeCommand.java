package dev.portside.cli;

import dev.portside.action.ForceConsent;
import dev.portside.action.KillOptions;
import dev.portside.action.KillOutcome;
import dev.portside.action.KillPlan;
import dev.portside.action.KillProgress;
import dev.portside.action.KillTarget;
import dev.portside.action.PortFreer;
import dev.portside.action.ProcessTerminator;
import dev.portside.action.Refused;
import dev.portside.knowledge.Texts;
import dev.portside.scan.PortScanner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashSet;
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
 * {@code portside free PORT}: the GUI's safe sequence from a terminal. Shows who holds the port,
 * asks (unless {@code --yes}), ends the owners gracefully, forces only with {@code --force} or when
 * the user agrees, then checks the port again.
 */
@Command(name = "free", mixinStandardHelpOptions = true,
        description = {"End the processes that listen on a port, safely, and check that it is free.",
            "Exit code: 0 when the port is free afterwards, 1 when it is still held or nothing was ended,"
                + " 2 for a bad PORT."})
public final class FreeCommand implements Callable<Integer> {

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

    @Override
    public Integer call() {
        int number = PortArgument.parse(port, spec);
        if (number < 0) {
            return PortArgument.BAD_ARGUMENTS;
        }
        PrintWriter out = spec.commandLine().getOut();
        try (PortScanner scanner = parent.openScanner(number)) {
            PortFreer freer = new PortFreer(scanner, parent.terminator());
            KillPlan plan = freer.plan(number);
            if (plan.sockets().isEmpty()) {
                out.println(Texts.get("action.outcome.nobody", String.valueOf(number)));
                out.flush();
                return 0;
            }
            out.print(OwnerText.describe(plan.sockets()));
            out.println();
            if (plan.targets().isEmpty()) {
                return report(out, new Refused(Refused.Reason.NO_OWNER, Texts.get("action.refused.hidden",
                        String.valueOf(number))));
            }
            for (KillTarget t : plan.targets()) {
                Optional<Refused> refused = freer.terminator().refusalFor(t);
                if (refused.isPresent()) {
                    return report(out, refused.get());
                }
            }
            String what = whatEnds(plan, freer.terminator());
            BufferedReader terminal = yes ? null : parent.terminalInput();
            if (!yes) {
                if (terminal == null) {
                    out.println(Texts.get("cli.free.noTerminal", what));
                    out.flush();
                    return 1;
                }
                if (!ask(out, terminal, Texts.get("cli.free.confirm", what))) {
                    out.println(Texts.get("action.refused.notConfirmed"));
                    out.flush();
                    return 1;
                }
            }
            ForceConsent consent = force || terminal == null ? ForceConsent.NEVER
                    : (target, running) -> ask(out, terminal, Texts.get("cli.free.askForce", target.label(),
                            String.valueOf(freer.terminator().grace().toSeconds())));
            Set<Long> announced = new HashSet<>();
            KillProgress progress = (target, waited, limit) -> {
                if (announced.add(target.pid())) {
                    out.println(Texts.get("cli.free.asking", target.label()));
                    out.flush();
                }
            };
            return report(out, freer.free(plan, new KillOptions(tree, force), consent, progress));
        }
    }

    private String whatEnds(KillPlan plan, ProcessTerminator terminator) {
        return plan.targets().stream().map(t -> {
            long children = tree ? terminator.descendantCount(t.pid()) : 0;
            return children > 0 ? Texts.get("cli.free.withChildren", t.label(), children) : t.label();
        }).collect(Collectors.joining(", "));
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
