package dev.portside.diagnose;

import dev.portside.action.UrlBuilder;
import dev.portside.core.AddressScope;
import dev.portside.core.IpAddress;
import dev.portside.core.IpFamily;
import dev.portside.core.ListeningSocket;
import dev.portside.core.Printable;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.SocketUser;
import dev.portside.diagnose.OwnershipFacts.ContainerPort;
import dev.portside.knowledge.DevTool;
import dev.portside.knowledge.DevToolCatalogue;
import dev.portside.platform.OsFamily;
import dev.portside.knowledge.Knowledge;
import dev.portside.knowledge.LikelyOwner;
import dev.portside.knowledge.Texts;
import dev.portside.owner.OwnerFacts;
import dev.portside.owner.Viewer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules: from what the user gave and the facts of this computer to findings. Pure: the same
 * input and facts give the same findings, so each rule is tested exactly, without sockets.
 */
public final class Diagnoser {

    /** How far from the port a listener of "the same tool" may be (Vite tries 5173, 5174, …). */
    static final int NEARBY = 10;
    static final int MAX_NEARBY = 3;

    /** macOS's AirPlay Receiver (ControlCenter) listens on these since macOS 12. */
    private static final Set<Integer> AIRPLAY_PORTS = Set.of(5000, 7000);
    private static final Pattern CONTROL_CENTER = Pattern.compile("ControlCe(?:nter)?");
    private static final Pattern CONTAINER_PROXY = Pattern.compile(
            "docker-proxy|rootlessport|rootlesskit|com\\.docker\\.backend|vpnkit-bridge|vpnkit|conmon|gvproxy|pasta(?:\\.avx2)?|slirp4netns");

    /** Dev servers that take the next port when theirs is taken (Vite: "Port 5173 is in use, trying another one"). */
    private static final Set<String> MOVES_TO_NEXT_FREE_PORT = Set.of("vite", "next", "react-scripts", "nuxt", "astro",
            "webpack", "storybook", "parcel", "browser-sync", "angular", "gatsby", "remix");

    private final BiFunction<ListeningSocket, OwnerFacts, LikelyOwner> owners;
    private final DevToolCatalogue catalogue;
    private final Predicate<ListeningSocket> tls;

    public Diagnoser(Knowledge knowledge) {
        this(knowledge::likelyOwner, knowledge.catalogue(), knowledge::speaksTls);
    }

    Diagnoser(BiFunction<ListeningSocket, OwnerFacts, LikelyOwner> owners, DevToolCatalogue catalogue,
            Predicate<ListeningSocket> tls) {
        this.owners = Objects.requireNonNull(owners);
        this.catalogue = Objects.requireNonNull(catalogue);
        this.tls = Objects.requireNonNull(tls);
    }

    public Diagnosis diagnose(DiagnosisInput in, Facts f) {
        Context c = new Context(in, f);
        List<Finding> findings = new ArrayList<>();
        notThisComputer(c).ifPresent(findings::add);
        Optional<Finding> bind = bindProbe(c);
        // "Yes, it can" answers the question first; a failure comes after the findings that explain it.
        bind.filter(b -> !b.problem()).ifPresent(findings::add);
        if (!f.scanProblem().isEmpty()) {
            findings.add(finding(FindingCode.SCAN_FAILED, Severity.PROBLEM,
                    t("diagnose.scanFailed", Printable.of(f.scanProblem())), t("diagnose.scanFailed.action")));
        }
        if (!c.tcp.isEmpty()) {
            findings.add(listening(c));
            reachability(c).ifPresent(findings::add);
            for (ListeningSocket s : distinctOwners(c.tcp)) {
                // One container behind two forwarders (IPv4 and IPv6) is one finding.
                systemService(c, s).or(() -> container(c, s)).or(() -> otherUser(c, s))
                        .filter(n -> findings.stream().noneMatch(x -> x.code() == n.code() && x.message().equals(n.message())))
                        .ifPresent(findings::add);
            }
        } else {
            timeWait(c).ifPresent(findings::add);
            excludedRange(c).ifPresent(findings::add);
            privilegedPort(c).ifPresent(findings::add);
            findings.add(nothingListening(c, findings.stream().anyMatch(Finding::problem)));
        }
        bind.filter(Finding::problem).ifPresent(findings::add);
        findings.sort(Comparator.comparingInt(x -> x.severity() == Severity.PROBLEM ? 0 : 1));
        return new Diagnosis(in, findings, f, FactLines.of(in, f, s -> holder(c, s)));
    }

    /** What one diagnosis looks at, worked out once. */
    private final class Context {
        final DiagnosisInput in;
        final Facts f;
        final int port;
        final List<ListeningSocket> tcp;
        final List<ListeningSocket> udp;
        final Symptom.Intent intent;
        final List<IpAddress> clientTargets;

        Context(DiagnosisInput in, Facts f) {
            this.in = in;
            this.f = f;
            this.port = in.port();
            this.tcp = f.onPort(port).stream().filter(s -> s.protocol() == Protocol.TCP).toList();
            this.udp = f.onPort(port).stream().filter(s -> s.protocol() == Protocol.UDP).toList();
            this.intent = f.binds().isEmpty() ? in.intent() : Symptom.Intent.BIND;
            this.clientTargets = ProbePlan.clientTargets(in, f.resolved()).stream().filter(f::isThisComputer).toList();
        }

        Optional<ConnectAttempt> attempt(IpAddress a) {
            return f.attempts().stream().filter(x -> x.address().equals(a.unmapped())).findFirst();
        }

        List<ConnectAttempt> clientAttempts() {
            return clientTargets.stream().map(this::attempt).flatMap(Optional::stream).toList();
        }

        /** Where it answers: the client's first address that does, else any address that does. */
        Optional<ConnectAttempt> working() {
            return clientAttempts().stream().filter(ConnectAttempt::connected).findFirst()
                    .or(() -> f.attempts().stream().filter(ConnectAttempt::connected).findFirst());
        }

        boolean wantsToBind() {
            return intent == Symptom.Intent.BIND;
        }

        boolean wantsToConnect() {
            return intent == Symptom.Intent.CONNECT;
        }
    }

    // ---- the findings ----

    private Optional<Finding> notThisComputer(Context c) {
        Optional<IpAddress> literal = c.in.literal();
        if (literal.isPresent() && !c.f.isThisComputer(literal.get())) {
            return Optional.of(finding(FindingCode.NOT_THIS_COMPUTER, Severity.INFO,
                    t("diagnose.notThisComputer.address", literal.get().toString(), c.port),
                    t("diagnose.notThisComputer.action")));
        }
        if (c.in.namesOtherHost()) {
            return Optional.of(finding(FindingCode.NOT_THIS_COMPUTER, Severity.INFO,
                    t("diagnose.notThisComputer.name", Printable.of(c.in.host()), c.port),
                    t("diagnose.notThisComputer.action")));
        }
        return Optional.empty();
    }

    private Finding listening(Context c) {
        String holders = holders(c, c.tcp);
        String where = where(c.tcp);
        Optional<ConnectAttempt> working = c.working();
        List<FindingAction> actions = new ArrayList<>();
        boolean endable = c.tcp.stream().anyMatch(s -> freeable(c, s));
        if (endable) {
            actions.add(new FindingAction(FindingAction.Kind.FREE_PORT, String.valueOf(c.port)));
        }
        String url = working.map(a -> url(c, a.address())).orElse("");
        if (!url.isEmpty()) {
            actions.add(new FindingAction(FindingAction.Kind.OPEN_URL, url));
            actions.add(new FindingAction(FindingAction.Kind.COPY_URL, url));
        }
        String message;
        String action;
        if (c.wantsToBind()) {
            message = t("diagnose.listening.inUse", c.port, holders, where);
            int free = nextFreePort(c);
            action = endable ? t("diagnose.listening.inUse.action", holders, free)
                    : t("diagnose.listening.inUse.action.other", free);
        } else if (working.isPresent()) {
            message = t("diagnose.listening.answers", holders, c.port, where, working.get().endpoint());
            action = t("diagnose.listening.answers.action", url);
        } else {
            message = t("diagnose.listening", holders, c.port, where);
            action = "";
        }
        return new Finding(FindingCode.LISTENING, Severity.OK, message, action, actions);
    }

    /** Why a client that goes where the user said does not reach a listener that exists. */
    private Optional<Finding> reachability(Context c) {
        List<ConnectAttempt> client = c.clientAttempts();
        Optional<ConnectAttempt> working = c.f.attempts().stream().filter(ConnectAttempt::connected).findFirst();
        if (client.isEmpty()) {
            return Optional.empty();
        }
        ConnectAttempt first = client.get(0);
        boolean clientReaches = client.stream().anyMatch(ConnectAttempt::connected);
        if (working.isEmpty()) {
            boolean hung = c.f.attempts().stream().anyMatch(a -> a.outcome() == ConnectAttempt.Outcome.TIMED_OUT
                    || a.outcome() == ConnectAttempt.Outcome.CUT_OFF);
            if (hung) {
                int waiting = 0;
                for (TcpConnection t : c.f.connections()) {
                    waiting += t.state() == TcpConnection.State.LISTEN ? t.waiting() : 0;
                }
                String message = waiting > 0 // its accept queue is full: the system answers no new connection
                        ? t("diagnose.noAnswer.queueFull", holders(c, c.tcp), c.port, waiting)
                        : t("diagnose.noAnswer", holders(c, c.tcp), c.port);
                return Optional.of(finding(FindingCode.NO_ANSWER, Severity.PROBLEM, message,
                        t("diagnose.noAnswer.action"), freeActions(c)));
            }
            return Optional.empty();
        }
        if (clientReaches && first.connected()) {
            return Optional.empty();
        }
        ConnectAttempt answered = clientReaches ? client.stream().filter(ConnectAttempt::connected).findFirst().get()
                : working.get();
        IpAddress good = answered.address();
        IpAddress bad = first.address();
        String url = url(c, good);
        List<FindingAction> actions = List.of(new FindingAction(FindingAction.Kind.OPEN_URL, url),
                new FindingAction(FindingAction.Kind.COPY_URL, url));
        boolean bothLoopback = good.isLoopback() && bad.isLoopback();
        if (bothLoopback && good.family() != bad.family()) {
            String name = c.in.namesLocalhost() ? c.in.host() : "localhost";
            String tried = c.in.literal().isPresent() ? bad.toString() : c.clientTargets.size() == 1
                    ? t("diagnose.family.resolves.one", name, bad.toString(), family(bad))
                    : t("diagnose.family.resolves.many", name,
                            c.clientTargets.stream().map(IpAddress::toString).collect(Collectors.joining(", ")));
            String option = bothOption(c);
            String message = clientReaches
                    ? t("diagnose.family.firstFails", good.toString(), family(good), tried, bad.toString())
                    : t(c.in.literal().isPresent() ? "diagnose.family.neverReached.literal" : "diagnose.family.neverReached",
                            good.toString(), family(good), tried, bad.toString(), family(bad));
            Severity severity = clientReaches && !c.wantsToConnect() ? Severity.INFO : Severity.PROBLEM;
            return Optional.of(finding(FindingCode.FAMILY_MISMATCH, severity, message,
                    t("diagnose.family.action", url, option), actions));
        }
        if (bad.isLoopback() && !good.isLoopback()) {
            return Optional.of(finding(FindingCode.WRONG_INTERFACE, Severity.PROBLEM,
                    t("diagnose.interface.notLoopback", good.toString(), c.port, bad.toString()),
                    t("diagnose.interface.notLoopback.action", url), actions));
        }
        if (!bad.isLoopback() && good.isLoopback()) {
            return Optional.of(finding(FindingCode.WRONG_INTERFACE, Severity.PROBLEM,
                    t("diagnose.interface.loopbackOnly", good.toString(), c.port, bad.toString()),
                    t("diagnose.interface.loopbackOnly.action", url), actions));
        }
        return Optional.of(finding(FindingCode.WRONG_INTERFACE, Severity.PROBLEM,
                t("diagnose.interface.other", good.toString(), c.port, bad.toString()),
                t("diagnose.interface.other.action", url), actions));
    }

    private Optional<Finding> systemService(Context c, ListeningSocket s) {
        if (c.f.os() != OsFamily.MACOS || !AIRPLAY_PORTS.contains(c.port) || s.owner().isEmpty()) {
            return Optional.empty();
        }
        ProcessInfo p = s.owner().get();
        boolean controlCenter = CONTROL_CENTER.matcher(p.name()).matches()
                || p.path().endsWith("/ControlCenter.app/Contents/MacOS/ControlCenter");
        if (!controlCenter) {
            return Optional.empty();
        }
        return Optional.of(finding(FindingCode.SYSTEM_SERVICE, Severity.PROBLEM,
                t("diagnose.systemService.airplay", c.port, p.pid()),
                t("diagnose.systemService.airplay.action", c.port == 5000 ? 5001 : 7001)));
    }

    private Optional<Finding> container(Context c, ListeningSocket s) {
        ContainerPort known = c.f.containers().get(s.key());
        boolean proxy = s.owner().map(p -> CONTAINER_PROXY.matcher(p.displayName()).matches()).orElse(false);
        if (known == null && !proxy) {
            return Optional.empty();
        }
        Severity severity = c.wantsToBind() ? Severity.PROBLEM : Severity.INFO;
        boolean exposed = s.scope() != AddressScope.LOOPBACK;
        String firewall = exposed && c.f.os() == OsFamily.LINUX ? " " + t("diagnose.container.firewall", c.port) : "";
        List<FindingAction> actions = new ArrayList<>();
        String message;
        String action;
        if (known != null && !known.name().isEmpty()) {
            String name = Printable.of(known.name());
            String image = known.image().isEmpty() ? "" : t("diagnose.container.image", Printable.of(known.image()));
            String inside = known.containerPort() > 0 ? t("diagnose.container.inside", known.containerPort()) : "";
            message = t("diagnose.container.named", c.port, name, image, inside) + firewall;
            String stop = known.stopCommand();
            action = t("diagnose.container.named.action", stop, c.port, known.containerPort() > 0
                    ? String.valueOf(known.containerPort()) : "80", nextFreePort(c));
            // Stopped through the actions' own confirmation (they ask the engine); or by hand.
            actions.add(new FindingAction(FindingAction.Kind.STOP_CONTAINER, String.valueOf(c.port), known.name()));
            if (!Printable.needsEscaping(known.name())) {
                actions.add(new FindingAction(FindingAction.Kind.COPY_COMMAND, stop));
            }
        } else {
            String by = s.owner().map(p -> Printable.of(p.displayName()) + " (pid " + p.pid() + ")").orElse("");
            message = t("diagnose.container.unnamed", c.port, by) + firewall;
            action = t("diagnose.container.unnamed.action", c.port);
        }
        return Optional.of(finding(FindingCode.CONTAINER, severity, message, action, actions));
    }

    private Optional<Finding> otherUser(Context c, ListeningSocket s) {
        Severity severity = c.wantsToBind() ? Severity.PROBLEM : Severity.INFO;
        if (s.ownerHidden()) {
            if (c.f.canEndOthers()) {
                // Root sees every user's processes: a hidden one runs in another PID namespace.
                return Optional.of(finding(FindingCode.OTHER_USER, severity, t("diagnose.otherUser.namespace", c.port),
                        t("diagnose.otherUser.namespace.action", c.port)));
            }
            if (Viewer.isViewer(s.user())) {
                return Optional.of(finding(FindingCode.OTHER_USER, severity,
                        t("diagnose.otherUser.self", c.port, Printable.of(s.user().name())),
                        t("diagnose.otherUser.hidden.action", c.port)));
            }
            String label = Facts.label(c.f.userOf(s));
            String who = label.isEmpty() ? t("diagnose.otherUser.unknown") : Printable.of(label);
            return Optional.of(finding(FindingCode.OTHER_USER, severity, t("diagnose.otherUser.hidden", c.port, who),
                    t("diagnose.otherUser.hidden.action", c.port)));
        }
        ProcessInfo p = s.owner().get();
        String me = c.f.rules().user();
        if (p.user().isEmpty() || me.isEmpty() || p.user().equals(me) || c.f.canEndOthers()) {
            return Optional.empty();
        }
        return Optional.of(finding(FindingCode.OTHER_USER, severity,
                t("diagnose.otherUser.visible", c.port, holder(c, s), Printable.of(p.user()), Printable.of(me)),
                t("diagnose.otherUser.visible.action", c.port, Printable.of(p.user()))));
    }

    private Optional<Finding> timeWait(Context c) {
        long waiting = c.f.timeWaitCount();
        if (waiting == 0) {
            return Optional.empty();
        }
        Severity severity = c.wantsToBind() ? Severity.PROBLEM : Severity.INFO;
        boolean reuseWorked = c.f.binds().size() > 1 && c.f.binds().get(1).bound();
        String proof = reuseWorked ? " " + t("diagnose.timeWait.proof") : "";
        return Optional.of(finding(FindingCode.TIME_WAIT, severity,
                t("diagnose.timeWait", c.port, waiting == 1 ? t("diagnose.timeWait.count.one")
                        : t("diagnose.timeWait.count.many", waiting)) + proof, t("diagnose.timeWait.action")));
    }

    private Optional<Finding> excludedRange(Context c) {
        Optional<PortRange> range = c.f.excluded().stream().filter(r -> r.contains(c.port)).findFirst();
        if (range.isEmpty()) {
            return Optional.empty();
        }
        PortRange r = range.get();
        String message = r.administered() ? t("diagnose.excluded.administered", c.port, r.label())
                : t("diagnose.excluded", c.port, r.label());
        int outside = firstOutside(c.f.excluded(), c.port);
        return Optional.of(finding(FindingCode.EXCLUDED_RANGE, Severity.PROBLEM, message,
                t(r.administered() ? "diagnose.excluded.administered.action" : "diagnose.excluded.action", outside,
                        c.port)));
    }

    private Optional<Finding> privilegedPort(Context c) {
        if (c.wantsToConnect()) {
            return Optional.empty(); // a client may connect to any port
        }
        IpAddress bindAddress = c.f.binds().isEmpty() ? c.in.literal().orElse(null) : c.f.binds().get(0).address();
        PortRules rules = c.f.rules();
        if (!rules.reserved(c.port, bindAddress)) {
            return Optional.empty();
        }
        boolean refused = c.in.symptom() == Symptom.PERMISSION_DENIED
                || c.f.binds().stream().anyMatch(b -> !b.bound() && b.errno() == Errno.EACCES);
        Severity severity = refused ? Severity.PROBLEM : Severity.INFO;
        String where = rules.os() == OsFamily.MACOS ? t("diagnose.privileged.where.macos")
                : t("diagnose.privileged.where.linux", rules.unprivilegedStart());
        String you = rules.mayBindLowPorts() ? t("diagnose.privileged.youMay") : "";
        String action = rules.os() == OsFamily.MACOS ? t("diagnose.privileged.action.macos", c.port)
                : t("diagnose.privileged.action.linux", c.port, suggestedHighPort(c.port), rules.unprivilegedStart());
        return Optional.of(finding(FindingCode.PRIVILEGED_PORT, severity,
                t("diagnose.privileged", c.port, where) + you, action));
    }

    private Finding nothingListening(Context c, boolean explained) {
        List<ListeningSocket> nearby = nearbySameTool(c);
        List<FindingAction> actions = new ArrayList<>();
        String udp = c.udp.isEmpty() ? "" : " " + t("diagnose.nothing.udpOnly", c.port);
        if (c.wantsToBind()) {
            String message = t("diagnose.nothing.bind", c.port) + udp;
            return new Finding(FindingCode.NOTHING_LISTENING, explained ? Severity.INFO : Severity.OK, message,
                    explained ? "" : t("diagnose.nothing.bind.action"), actions);
        }
        String message = t("diagnose.nothing", c.port) + udp;
        String action;
        if (!nearby.isEmpty()) {
            ListeningSocket moved = nearby.get(0);
            String url = url(c, UrlBuilder.browsableHost(moved.address()), moved.port(), moved);
            actions.add(new FindingAction(FindingAction.Kind.OPEN_URL, url));
            actions.add(new FindingAction(FindingAction.Kind.COPY_URL, url));
            String ports = nearby.stream().map(s -> String.valueOf(s.port())).distinct().collect(Collectors.joining(", "));
            LikelyOwner likely = likelyOwner(c, moved);
            boolean movesOn = moved.port() > c.port && likely != null && likely.tool() != null
                    && MOVES_TO_NEXT_FREE_PORT.contains(likely.tool().id());
            message += " " + t(movesOn ? "diagnose.nothing.moved" : "diagnose.nothing.nearby", toolName(c, moved), ports,
                    c.port);
            action = t(movesOn ? "diagnose.nothing.moved.action" : "diagnose.nothing.nearby.action", url, c.port);
        } else {
            action = t("diagnose.nothing.action");
        }
        return new Finding(FindingCode.NOTHING_LISTENING, Severity.PROBLEM, message, action, actions);
    }

    private Optional<Finding> bindProbe(Context c) {
        if (c.f.binds().isEmpty()) {
            return Optional.empty();
        }
        BindAttempt b = c.f.binds().get(0);
        if (b.bound()) {
            return Optional.of(finding(FindingCode.BIND_OK, Severity.OK,
                    t("diagnose.bind.ok", c.port, b.address().toString()), t("diagnose.bind.ok.action")));
        }
        String errno = b.errno().inWords(c.f.os());
        String detail = b.errno() == Errno.OTHER ? " (" + Printable.of(b.detail()) + ")" : "";
        String why = switch (b.errno()) {
            case EADDRINUSE -> t("diagnose.bind.failed.inUse");
            case EACCES -> t("diagnose.bind.failed.denied");
            case EADDRNOTAVAIL -> t("diagnose.bind.failed.notHere", b.address().toString());
            default -> "";
        };
        return Optional.of(finding(FindingCode.BIND_FAILED, Severity.PROBLEM,
                t("diagnose.bind.failed", c.port, b.address().toString(), errno + detail),
                why));
    }

    // ---- words ----

    /** "Vite dev server — shop (node, pid 4121)", "node (pid 4121)", or "a process of another user". */
    String holder(Context c, ListeningSocket s) {
        Optional<ProcessInfo> p = s.owner();
        if (p.isEmpty()) {
            return t("diagnose.holder.hidden");
        }
        String name = Printable.of(p.get().displayName());
        String label = labelOf(c, s);
        return label.isEmpty() ? t("diagnose.holder", name, p.get().pid())
                : t("diagnose.holder.recognised", Printable.of(label), name, p.get().pid());
    }

    /** The holders, one per kind of owner: "Docker port forward (docker-proxy, pids 8603 and 8609)". */
    private String holders(Context c, List<ListeningSocket> sockets) {
        java.util.Map<String, List<ListeningSocket>> byKind = new java.util.LinkedHashMap<>();
        for (ListeningSocket s : distinctOwners(sockets)) {
            String kind = s.owner().map(p -> p.displayName() + "\u0000" + labelOf(c, s)).orElse("hidden:" + s.address());
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(s);
        }
        List<String> parts = new ArrayList<>();
        for (List<ListeningSocket> same : byKind.values()) {
            if (same.size() == 1 || same.get(0).ownerHidden()) {
                parts.add(holder(c, same.get(0)));
                continue;
            }
            ListeningSocket first = same.get(0);
            String pids = same.stream().map(x -> String.valueOf(x.owner().get().pid()))
                    .collect(Collectors.joining(t("diagnose.and")));
            String name = Printable.of(first.owner().get().displayName());
            String label = labelOf(c, first);
            parts.add(label.isEmpty() ? t("diagnose.holders", name, pids)
                    : t("diagnose.holders.recognised", Printable.of(label), name, pids));
        }
        return String.join(", ", parts);
    }

    /**
     * The likely owner's label for a socket's owner ("Vite dev server — shop", "Express app (api)",
     * "Docker: shop-web", "nginx.service"), or "" when it says no more than the process name: not
     * recognised, or only as a generic runtime ("Node.js").
     */
    private String labelOf(Context c, ListeningSocket s) {
        LikelyOwner likely = likelyOwner(c, s);
        if (likely == null || !likely.recognised() || s.owner().isEmpty()) {
            return "";
        }
        boolean specific = switch (likely.basis()) {
            case CONTAINER_ENGINE, SERVICE_UNIT, PROJECT -> true;
            default -> likely.tool() != null && !likely.tool().generic();
        };
        return specific && !likely.label().equalsIgnoreCase(s.owner().get().displayName()) ? likely.label() : "";
    }

    /** "127.0.0.1 (this computer only, IPv4) and ::1 (…)". */
    private static String where(List<ListeningSocket> sockets) {
        Set<String> parts = new LinkedHashSet<>();
        for (ListeningSocket s : sockets) {
            IpAddress a = s.address().unmapped();
            if (s.scope() == AddressScope.ALL_INTERFACES && !a.zone().isEmpty()) {
                parts.add(t("diagnose.where.device", a.toString(), a.zone()));
                continue;
            }
            String key = switch (s.scope()) {
                case LOOPBACK -> a.family() == IpFamily.IPV4 ? "diagnose.where.loopback4" : "diagnose.where.loopback6";
                case ALL_INTERFACES -> a.family() == IpFamily.IPV4 ? "diagnose.where.all4" : "diagnose.where.all6";
                case INTERFACE -> "diagnose.where.interface";
            };
            parts.add(t(key, a.toString()));
        }
        return String.join(t("diagnose.and"), parts);
    }

    private static String family(IpAddress a) {
        return a.unmapped().family().label();
    }

    /** The option that makes the server listen on IPv4 and IPv6, for the tool that holds the port when known. */
    private String bothOption(Context c) {
        for (ListeningSocket s : c.tcp) {
            LikelyOwner likely = likelyOwner(c, s);
            if (likely != null && likely.tool() != null) {
                String key = "diagnose.both." + likely.tool().id();
                String text = t(key, c.port);
                if (!text.startsWith("!")) {
                    return text;
                }
            }
        }
        return t("diagnose.both.generic", c.port);
    }

    private String toolName(Context c, ListeningSocket s) {
        LikelyOwner likely = likelyOwner(c, s);
        if (likely != null && likely.tool() != null && !likely.tool().generic()) {
            return likely.tool().name();
        }
        return holder(c, s);
    }

    /** What owns the socket, named with what the owner feature found (its container, service, project). */
    private LikelyOwner likelyOwner(Context c, ListeningSocket s) {
        try {
            return owners.apply(s, c.f.owners().getOrDefault(s.key(), OwnerFacts.NONE));
        } catch (RuntimeException e) {
            return null; // the words get plainer; the finding stays
        }
    }

    private String url(Context c, IpAddress host) {
        return url(c, host, c.port, c.tcp.isEmpty() ? null : c.tcp.get(0));
    }

    /** http or https (the input's scheme, or the listener speaks TLS) to the address that answers. */
    private String url(Context c, IpAddress host, int port, ListeningSocket listener) {
        ListeningSocket probe = new ListeningSocket(Protocol.TCP, host.family(), host, port,
                listener == null ? List.of() : listener.owners());
        boolean secure = (port == c.port && c.in.secure()) || tls.test(probe);
        return (secure ? "https" : "http") + "://" + host.toUriHost() + ":" + port + "/";
    }

    // ---- helpers ----

    /** One socket per owner (a server on 127.0.0.1 and ::1 is one finding, not two). */
    private static List<ListeningSocket> distinctOwners(List<ListeningSocket> sockets) {
        List<ListeningSocket> result = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ListeningSocket s : sockets) {
            String key = s.owner().map(p -> "pid:" + p.pid()).orElse("hidden:" + s.address());
            if (seen.add(key)) {
                result.add(s);
            }
        }
        return result;
    }

    /** True when Portside may offer to end this socket's owner: visible, not the system, not a container. */
    private boolean freeable(Context c, ListeningSocket s) {
        if (s.ownerHidden()) {
            return false;
        }
        if (systemService(c, s).isPresent() || container(c, s).isPresent()) {
            return false;
        }
        ProcessInfo p = s.owner().get();
        String me = c.f.rules().user();
        return p.user().isEmpty() || me.isEmpty() || p.user().equals(me) || c.f.canEndOthers();
    }

    private List<FindingAction> freeActions(Context c) {
        return c.tcp.stream().anyMatch(s -> freeable(c, s))
                ? List.of(new FindingAction(FindingAction.Kind.FREE_PORT, String.valueOf(c.port))) : List.of();
    }

    /**
     * Listeners near the port that are the same tool the port belongs to: the tool the message names
     * (Vite), or a tool that usually listens there; the ports the message names first (Vite's
     * "Local: http://localhost:5174/").
     */
    private List<ListeningSocket> nearbySameTool(Context c) {
        Set<String> tools = new LinkedHashSet<>();
        if (!c.in.tool().isEmpty()) {
            catalogue.byId(c.in.tool()).ifPresent(t -> tools.add(t.id()));
        }
        catalogue.usuallyOn(c.port).stream().filter(t -> !t.generic()).map(DevTool::id).forEach(tools::add);
        List<ListeningSocket> candidates = new ArrayList<>();
        for (ListeningSocket s : c.f.sockets()) {
            if (s.protocol() != Protocol.TCP || s.port() == c.port) {
                continue;
            }
            boolean named = c.in.otherPorts().contains(s.port());
            boolean near = Math.abs(s.port() - c.port) <= NEARBY;
            if (!named && !near) {
                continue;
            }
            LikelyOwner likely = likelyOwner(c, s);
            boolean sameTool = likely != null && likely.recognised() && likely.tool() != null
                    && (tools.contains(likely.tool().id()) || (tools.isEmpty() && !likely.tool().generic()));
            boolean sameProgram = tools.isEmpty() && likely != null && likely.recognised();
            if (named || sameTool || sameProgram) {
                candidates.add(s);
            }
        }
        candidates.sort(Comparator.comparing((ListeningSocket s) -> !c.in.otherPorts().contains(s.port()))
                .thenComparingInt(s -> Math.abs(s.port() - c.port)).thenComparingInt(ListeningSocket::port));
        List<ListeningSocket> result = new ArrayList<>();
        Set<Integer> ports = new LinkedHashSet<>();
        for (ListeningSocket s : candidates) {
            if (ports.add(s.port()) && ports.size() <= MAX_NEARBY) {
                result.add(s);
            }
        }
        return result;
    }

    /** The first port above this one where nothing listens (a suggestion: "start it on 3001"). */
    private static int nextFreePort(Context c) {
        Set<Integer> used = c.f.sockets().stream().filter(s -> s.protocol() == Protocol.TCP).map(ListeningSocket::port)
                .collect(Collectors.toSet());
        int p = c.port + 1;
        while (p < 65535 && used.contains(p)) {
            p++;
        }
        return p;
    }

    private static int firstOutside(List<PortRange> ranges, int port) {
        int p = port;
        boolean moved = true;
        while (moved && p < 65535) {
            moved = false;
            for (PortRange r : ranges) {
                if (r.contains(p)) {
                    p = r.last() + 1;
                    moved = true;
                }
            }
        }
        return p;
    }

    /** 80 → 8080, 443 → 8443, 22 → 2222, else the port plus 8000. */
    static int suggestedHighPort(int port) {
        return switch (port) {
            case 80 -> 8080;
            case 443 -> 8443;
            case 22 -> 2222;
            default -> port + 8000;
        };
    }

    private static Finding finding(FindingCode code, Severity severity, String message, String action) {
        return new Finding(code, severity, message, action, List.of());
    }

    private static Finding finding(FindingCode code, Severity severity, String message, String action,
            List<FindingAction> actions) {
        return new Finding(code, severity, message, action, actions);
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
