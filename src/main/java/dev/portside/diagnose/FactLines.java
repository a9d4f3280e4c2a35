package dev.portside.diagnose;

import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import dev.portside.core.Printable;
import dev.portside.diagnose.OwnershipFacts.ContainerPort;
import dev.portside.knowledge.Texts;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The raw facts behind the findings, one plain line each: sockets, addresses tried, errno. */
final class FactLines {

    private FactLines() {
    }

    static List<String> of(DiagnosisInput in, Facts f, Function<ListeningSocket, String> holder) {
        List<String> lines = new ArrayList<>();
        lines.add(read(in));
        int port = in.port();
        List<ListeningSocket> onPort = f.onPort(port);
        if (!f.scanProblem().isEmpty()) {
            lines.add(t("diagnose.fact.scanFailed", Printable.of(f.scanProblem())));
        } else if (onPort.isEmpty()) {
            lines.add(t("diagnose.fact.noSockets", port));
        }
        for (ListeningSocket s : onPort) {
            String user = s.owner().map(p -> p.user().isEmpty() ? "" : t("diagnose.fact.user", Printable.of(p.user())))
                    .orElse("");
            lines.add(t("diagnose.fact.socket", s.protocol().label(), s.endpoint(), holder.apply(s), user));
            String account = Facts.label(f.userOf(s));
            if (s.ownerHidden() && !account.isEmpty()) {
                lines.add(t("diagnose.fact.hiddenUser", s.endpoint(), Printable.of(account)));
            }
            ContainerPort container = f.containers().get(s.key());
            if (container != null) {
                lines.add(t("diagnose.fact.container", s.endpoint(), Printable.of(container.engine()),
                        Printable.of(container.name().isEmpty() ? container.id() : container.name()),
                        Printable.of(container.image())));
            }
            String problem = f.containerProblems().getOrDefault(s.key(), "");
            if (!problem.isEmpty()) {
                lines.add(t("diagnose.fact.containerProblem", s.endpoint(), problem));
            }
        }
        f.resolved().forEach((host, addresses) -> lines.add(t(SystemResolver.usesGetaddrinfo()
                ? "diagnose.fact.resolved" : "diagnose.fact.resolved.java", Printable.of(host),
                addresses.isEmpty() ? t("diagnose.fact.nothing")
                        : addresses.stream().map(IpAddress::toString).collect(Collectors.joining(", ")))));
        f.resolveProblems().forEach((host, problem) -> lines.add(t("diagnose.fact.resolveFailed",
                Printable.of(host), Printable.of(problem))));
        for (ConnectAttempt a : f.attempts()) {
            lines.add(attempt(a, f));
        }
        if (!f.connectionsProblem().isEmpty()) {
            lines.add(t("diagnose.fact.connectionsFailed", Printable.of(f.connectionsProblem())));
        } else {
            lines.add(connections(port, f.connections()));
        }
        for (int i = 0; i < f.binds().size(); i++) {
            BindAttempt b = f.binds().get(i);
            String how = i > 0 ? t("diagnose.fact.bind.reuse") : "";
            lines.add(b.bound() ? t("diagnose.fact.bind.ok", b.endpoint(), how)
                    : t("diagnose.fact.bind.failed", b.endpoint(), how, b.errno().inWords(f.os()),
                            Printable.of(b.detail())));
        }
        PortRules rules = f.rules();
        if (port < rules.unprivilegedStart()) {
            lines.add(t(rules.os() == dev.portside.platform.OsFamily.MACOS ? "diagnose.fact.rules.macos"
                    : "diagnose.fact.rules.linux", rules.unprivilegedStart(),
                    t(rules.mayBindLowPorts() ? "diagnose.fact.yes" : "diagnose.fact.no")));
        }
        if (!f.excluded().isEmpty()) {
            lines.add(t("diagnose.fact.excluded",
                    f.excluded().stream().map(r -> r.label() + (r.administered() ? " *" : "")).collect(Collectors.joining(", "))));
        }
        if (!f.excludedProblem().isEmpty()) {
            lines.add(t("diagnose.fact.excludedFailed", Printable.of(f.excludedProblem())));
        }
        return lines;
    }

    private static String read(DiagnosisInput in) {
        String what = t("diagnose.fact.read." + in.kind().id(), in.port());
        List<String> extra = new ArrayList<>();
        if (!in.tool().isEmpty()) {
            extra.add(t("diagnose.tool." + in.tool()));
        }
        if (in.symptom() != Symptom.NONE) {
            extra.add(t("diagnose.symptom." + in.symptom().id()));
        }
        if (!in.host().isEmpty()) {
            extra.add(t("diagnose.fact.read.host", Printable.of(in.host())));
        }
        if (in.portAssumed()) {
            extra.add(t("diagnose.fact.read.assumed"));
        }
        return extra.isEmpty() ? what : what + " (" + String.join("; ", extra) + ")";
    }

    private static String attempt(ConnectAttempt a, Facts f) {
        return switch (a.outcome()) {
            case CONNECTED -> t("diagnose.fact.connect.ok", a.endpoint(), a.millis());
            case REFUSED -> t("diagnose.fact.connect.refused", a.endpoint(), a.millis(), a.errno().inWords(f.os()));
            case TIMED_OUT -> t("diagnose.fact.connect.timeout", a.endpoint(), a.millis());
            case CUT_OFF -> t("diagnose.fact.connect.cutOff", a.endpoint(), a.millis());
            case NOT_TRIED -> t("diagnose.fact.connect.notTried", a.endpoint());
            case FAILED -> t("diagnose.fact.connect.failed", a.endpoint(), a.errno().inWords(f.os()),
                    Printable.of(a.detail()));
        };
    }

    private static String connections(int port, List<TcpConnection> all) {
        // The listener itself is among the sockets above.
        List<TcpConnection> connections = all.stream().filter(c -> c.state() != TcpConnection.State.LISTEN).toList();
        if (connections.isEmpty()) {
            return t("diagnose.fact.connections.none", port);
        }
        Map<TcpConnection.State, Integer> counts = new EnumMap<>(TcpConnection.State.class);
        for (TcpConnection c : connections) {
            counts.merge(c.state(), 1, Integer::sum);
        }
        String list = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name())
                .collect(Collectors.joining(", "));
        return t("diagnose.fact.connections", port, list);
    }

    /** The bundle's text, with numbers written plainly (3000, not "3,000"). */
    private static String t(String key, Object... args) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = args[i] instanceof Number n ? String.valueOf(n) : args[i];
        }
        return Texts.get(key, plain);
    }
}
