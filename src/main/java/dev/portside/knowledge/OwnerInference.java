package dev.portside.knowledge;

import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.SocketUser;
import dev.portside.knowledge.Frameworks.Framework;
import dev.portside.owner.Container;
import dev.portside.owner.EngineProblem;
import dev.portside.owner.OwnerFacts;
import dev.portside.owner.OwnerFinder;
import dev.portside.owner.Project;
import dev.portside.owner.PublishedPort;
import dev.portside.owner.ServiceUnit;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names what most likely owns a socket, from the facts Portside has: the container behind it
 * ("Docker: shop-web"), the owner's service unit ("nginx.service"), its project's framework
 * ("Express app (shop)"), the tool its process name and command line match ("Vite dev server —
 * shop"): all "recognised"; else the port number and the socket's user ("guessed"); else unknown.
 * Pure and fast once the catalogue and registry are loaded; the facts come from {@link OwnerFinder}.
 */
public final class OwnerInference {

    private static final int MAX_GUESSES = 3;
    /** Servers that run an app: the app's framework names the socket better than the server does. */
    private static final Set<String> APP_SERVERS = Set.of("uvicorn", "gunicorn", "puma", "rackup", "php-builtin");

    private final DevToolCatalogue catalogue;
    private final ServiceRegistry registry;
    private final Clock clock;
    private final String home;
    private final boolean viewerIsRoot;

    public OwnerInference(DevToolCatalogue catalogue, ServiceRegistry registry, Clock clock, String home) {
        this(catalogue, registry, clock, home, false);
    }

    /**
     * @param viewerIsRoot true when Portside runs as root: a hidden owner is then in another PID
     *     namespace, not another user's process
     */
    public OwnerInference(DevToolCatalogue catalogue, ServiceRegistry registry, Clock clock, String home,
            boolean viewerIsRoot) {
        this.catalogue = Objects.requireNonNull(catalogue);
        this.registry = Objects.requireNonNull(registry);
        this.clock = Objects.requireNonNull(clock);
        this.home = Objects.requireNonNullElse(home, "");
        this.viewerIsRoot = viewerIsRoot;
    }

    public LikelyOwner infer(ListeningSocket socket) {
        return infer(socket, OwnerFacts.NONE);
    }

    /**
     * @param workingDirectory the owner's working directory when known ("" otherwise), shown as
     *     "in ~/code/shop"
     */
    public LikelyOwner infer(ListeningSocket socket, String workingDirectory) {
        return infer(socket, OwnerFacts.inFolder(workingDirectory));
    }

    /** What owns the socket, from the socket and what {@link OwnerFinder} found out about its owner. */
    public LikelyOwner infer(ListeningSocket socket, OwnerFacts facts) {
        OwnerFacts f = Objects.requireNonNullElse(facts, OwnerFacts.NONE);
        return describe(socket, f).withFacts(f);
    }

    private LikelyOwner describe(ListeningSocket socket, OwnerFacts facts) {
        Optional<ProcessInfo> owner = socket.owner();
        if (facts.container() != null) {
            return container(socket, owner.orElse(null), facts);
        }
        if (owner.isEmpty()) {
            LikelyOwner hidden = guess(socket, null, "", null);
            EngineProblem problem = facts.containerProblem();
            return problem == null ? hidden : hidden.with(hidden.label(),
                    hidden.sentence() + " " + Texts.get("container.why.hidden", problem.socket()), hidden.certainty());
        }
        ProcessInfo p = owner.get();
        String cwd = facts.workingDirectory();
        if (isDockerProxy(p)) {
            Optional<DockerForward> forward = DockerForward.parse(p.commandLine());
            if (forward.isPresent()) {
                return docker(socket, p, forward.get(), facts.containerProblem());
            }
        }
        Optional<DevTool> tool = catalogue.recognise(p, socket.port());
        LikelyOwner base;
        Optional<Framework> framework = Frameworks.of(facts.project());
        if (framework.isPresent() && (tool.isEmpty() || tool.get().generic() || APP_SERVERS.contains(tool.get().id()))) {
            base = framework(p, framework.get(), facts.project(), cwd, tool.orElse(null));
        } else if (tool.isPresent()) {
            base = recognised(socket, p, tool.get(), cwd, facts.project());
        } else {
            base = guess(socket, p, cwd, facts.project());
        }
        if (!facts.containerId().isEmpty()) {
            return unnamedContainer(base, p, facts);
        }
        if (facts.unit() != null && !OwnerFinder.isForwarderName(p)) {
            return service(base, facts.unit());
        }
        return base;
    }

    private LikelyOwner recognised(ListeningSocket socket, ProcessInfo p, DevTool tool, String cwd, Project project) {
        String sentence = Texts.get("detail.owner.sentence", tool.name(), p.displayName(), p.pid(), started(p),
                inDirectory(cwd));
        if (tool.generic()) {
            // "node" alone says little: add what the port usually is.
            List<DevTool> usual = new ArrayList<>();
            for (DevTool t : catalogue.usuallyOn(socket.port())) {
                if (!t.generic() && t.matchesProcessName(p)) {
                    usual.add(t);
                }
            }
            if (!usual.isEmpty()) {
                sentence += " " + Texts.get("detail.owner.guess.catalogue", socket.port(), names(usual));
            }
        }
        String label = tool.name();
        if (project != null && !project.name().isEmpty()) {
            label = Texts.get("detail.owner.project", tool.name(), project.name());
            sentence += projectClause(project);
        }
        return new LikelyOwner(label, sentence, OwnerCertainty.RECOGNISED_FROM_COMMAND_LINE, tool.description(),
                tool);
    }

    private LikelyOwner framework(ProcessInfo p, Framework f, Project project, String cwd, DevTool server) {
        String label = Texts.get("detail.owner.framework", f.name(), project.name());
        String sentence = Texts.get("detail.owner.sentence.framework", f.name(), p.displayName(), p.pid(), started(p),
                inDirectory(cwd), project.name(), project.manifest(), f.dependency().replaceFirst("^plugin:", ""));
        return new LikelyOwner(label, sentence, OwnerCertainty.RECOGNISED_FROM_COMMAND_LINE,
                server == null ? "" : server.description(), server, OwnerFacts.NONE, LikelyOwner.Basis.PROJECT);
    }

    private LikelyOwner container(ListeningSocket socket, ProcessInfo p, OwnerFacts facts) {
        Container c = facts.container();
        PublishedPort published = facts.published();
        String state = state(c);
        String image = c.image().isEmpty() ? "?" : c.image();
        String sentence;
        if (published != null) {
            sentence = Texts.get(p == null ? "detail.owner.container.sentence.hidden" : "detail.owner.container.sentence",
                    c.engine(), c.displayName(), image, state, published.containerPort(), socket.port());
            if (p != null && OwnerFinder.isForwarderName(p)) {
                sentence += Texts.get("detail.owner.container.sentence.proxy", p.displayName(), p.pid());
            }
        } else if (p != null) {
            sentence = Texts.get("detail.owner.container.sentence.inside", p.displayName(), p.pid(), c.engine(),
                    c.displayName(), image, state);
        } else {
            sentence = Texts.get("detail.owner.container.sentence.hidden", c.engine(), c.displayName(), image, state,
                    socket.port(), socket.port());
        }
        DevTool forwarder = p != null && isDockerProxy(p) ? catalogue.byId("docker-proxy").orElse(null) : null;
        return new LikelyOwner(Texts.get("detail.owner.container.label", c.engine(), c.displayName()), sentence,
                OwnerCertainty.RECOGNISED_FROM_COMMAND_LINE, forwarder == null ? "" : forwarder.description(),
                forwarder, OwnerFacts.NONE, LikelyOwner.Basis.CONTAINER_ENGINE);
    }

    private LikelyOwner unnamedContainer(LikelyOwner base, ProcessInfo p, OwnerFacts facts) {
        String id = facts.containerId().length() > 12 ? facts.containerId().substring(0, 12) : facts.containerId();
        String engine = "Docker";
        String sentence = base.sentence() + " " + Texts.get("detail.owner.container.sentence.unnamed",
                p.displayName(), p.pid(), id);
        if (facts.containerProblem() != null) {
            sentence += " " + why(facts.containerProblem());
        }
        String label = base.tool() != null && !base.tool().generic() ? base.label()
                : Texts.get("detail.owner.container.unnamed.label", engine, id);
        return base.with(label, sentence, base.certainty());
    }

    private LikelyOwner docker(ListeningSocket socket, ProcessInfo p, DockerForward f, EngineProblem problem) {
        int hostPort = f.hostPort() >= 0 ? f.hostPort() : socket.port();
        String sentence = f.containerIp().isEmpty()
                ? Texts.get("detail.owner.docker.sentence.noip", hostPort, f.containerPort(), p.displayName(), p.pid())
                : Texts.get("detail.owner.docker.sentence", hostPort, f.containerPort(), f.containerIp(),
                        p.displayName(), p.pid());
        if (problem != null) {
            sentence += " " + why(problem);
        }
        DevTool tool = catalogue.byId("docker-proxy").orElse(null);
        return new LikelyOwner(Texts.get("detail.owner.docker.label", f.containerPort()), sentence,
                OwnerCertainty.RECOGNISED_FROM_COMMAND_LINE, tool == null ? "" : tool.description(), tool);
    }

    private LikelyOwner service(LikelyOwner base, ServiceUnit unit) {
        DevTool tool = base.tool();
        String unitName = unit.name().toLowerCase(Locale.ROOT);
        boolean unitSaysIt = tool == null || tool.generic() || !base.recognised()
                || unitName.contains(tool.id().toLowerCase(Locale.ROOT))
                || unitName.contains(tool.name().split("[ (]")[0].toLowerCase(Locale.ROOT));
        String label = unitSaysIt ? unit.name() : Texts.get("detail.owner.unit.label", base.label(), unit.name());
        String sentence = base.sentence() + Texts.get(unit.userUnit() ? "detail.owner.unit.sentence.user"
                : "detail.owner.unit.sentence", unit.name(), unit.stopCommand(viewerIsRoot));
        return base.with(label, sentence, OwnerCertainty.RECOGNISED_FROM_COMMAND_LINE,
                unitSaysIt ? LikelyOwner.Basis.SERVICE_UNIT : base.basis());
    }

    private LikelyOwner guess(ListeningSocket socket, ProcessInfo p, String cwd, Project project) {
        SocketUser user = socket.user();
        String why;
        if (p != null) {
            why = Texts.get("detail.owner.guess.unrecognised", p.displayName(), p.pid());
        } else if (viewerIsRoot) {
            why = Texts.get("detail.owner.guess.hidden.namespace");
        } else if (user.known()) {
            why = Texts.get("detail.owner.guess.hidden.user");
        } else {
            why = Texts.get("detail.owner.guess.hidden");
        }
        String userLine = p == null && user.known() ? Texts.get("detail.owner.hidden.user", user.name()) : "";
        if (p == null && user.known()) {
            Optional<DevTool> byUser = catalogue.forServiceUser(user.name());
            if (byUser.isPresent()) {
                DevTool t = byUser.get();
                String sentence = Texts.get("detail.owner.hidden.serviceUser", user.name(), t.name());
                if (t.usuallyOn(socket.port())) {
                    sentence = Texts.get("detail.owner.guess.catalogue", socket.port(), t.name()) + " " + sentence;
                }
                return new LikelyOwner(t.name(), sentence + " " + why, OwnerCertainty.GUESSED_FROM_PORT,
                        t.description(), t, OwnerFacts.NONE,
                        t.usuallyOn(socket.port()) ? LikelyOwner.Basis.PORT : LikelyOwner.Basis.SOCKET_USER);
            }
        }
        List<DevTool> usual = catalogue.usuallyOn(socket.port());
        if (!usual.isEmpty()) {
            DevTool first = usual.get(0);
            String sentence = Texts.get("detail.owner.guess.catalogue", socket.port(), names(usual)) + userLine + " "
                    + why + projectClause(project);
            return new LikelyOwner(first.name(), sentence, OwnerCertainty.GUESSED_FROM_PORT, first.description(),
                    first);
        }
        Optional<IanaService> iana = registry.lookup(socket.protocol(), socket.port());
        if (iana.isPresent() && !iana.get().name().isEmpty()) {
            String service = describe(iana.get());
            String sentence = Texts.get("detail.owner.guess.iana", socket.port(), service) + userLine + " " + why
                    + projectClause(project);
            return new LikelyOwner(iana.get().description().isEmpty() ? iana.get().name() : iana.get().description(),
                    sentence, OwnerCertainty.GUESSED_FROM_PORT, iana.get().description(), null);
        }
        if (p == null) {
            String sentence = viewerIsRoot ? Texts.get("detail.owner.unknown.hidden.namespace", socket.port())
                    : user.known() ? Texts.get("detail.owner.unknown.hidden.user", socket.port(), user.name())
                    : Texts.get("detail.owner.unknown.hidden", socket.port());
            return new LikelyOwner(Texts.get("detail.owner.unknown.label"), sentence, OwnerCertainty.UNKNOWN, "", null);
        }
        String label = project == null || project.name().isEmpty() ? p.displayName()
                : Texts.get("detail.owner.project", p.displayName(), project.name());
        return new LikelyOwner(label, Texts.get("detail.owner.unknown", p.displayName(), p.pid(), started(p),
                inDirectory(cwd), socket.port()) + projectClause(project), OwnerCertainty.UNKNOWN, "", null);
    }

    /** " It works on the project shop (package.json in ~/code/shop).", or "". */
    private String projectClause(Project project) {
        if (project == null || project.name().isEmpty()) {
            return "";
        }
        return Texts.get("detail.owner.sentence.project", project.name(), project.manifest(), shortPath(project.folder()));
    }

    /** Why a container could not be named, in words. */
    public static String why(EngineProblem problem) {
        return Texts.get("container.why." + problem.kind().name(), problem.socket(),
                problem.detail().isEmpty() ? problem.kind().name().toLowerCase(Locale.ROOT) : problem.detail());
    }

    /** "running", "paused", or the engine's own word. */
    static String state(Container c) {
        String key = "container.state." + c.state();
        String text = Texts.get(key);
        return text.startsWith("!") ? (c.state().isEmpty() ? c.status() : c.state()) : text;
    }

    /** "ipps (Internet Printing Protocol over HTTPS)". */
    static String describe(IanaService s) {
        if (s.description().isEmpty() || s.description().equalsIgnoreCase(s.name())) {
            return s.name();
        }
        return s.name() + " (" + s.description() + ")";
    }

    private static boolean isDockerProxy(ProcessInfo p) {
        return p.name().equals("docker-proxy") || p.path().endsWith("/docker-proxy")
                || (p.commandLine().contains("docker-proxy") && ProxyLine.PATTERN.matcher(p.commandLine()).matches());
    }

    /** Compiled once, and only for a command line that names docker-proxy at all. */
    private static final class ProxyLine {
        static final Pattern PATTERN = Pattern.compile("\\S*docker-proxy\\s.*");
    }

    private String started(ProcessInfo p) {
        Optional<Instant> t = p.startTimeIfKnown();
        return t.isPresent() ? Texts.get("detail.owner.sentence.started", Ages.ago(t.get(), clock.instant())) : "";
    }

    private String inDirectory(String cwd) {
        if (cwd == null || cwd.isEmpty() || cwd.equals("/")) {
            return ""; // daemons run in "/": that says nothing
        }
        return Texts.get("detail.owner.sentence.in", shortPath(cwd));
    }

    /** The path with the home folder as "~". */
    String shortPath(String path) {
        if (!home.isEmpty() && !home.equals("/")) {
            if (path.equals(home)) {
                return "~";
            } else if (path.startsWith(home + "/") || path.startsWith(home + "\\")) {
                return "~" + path.substring(home.length());
            }
        }
        return path;
    }

    /** "A", "A or B", "A, B or C" (at most three). */
    private static String names(List<DevTool> tools) {
        List<String> names = tools.stream().map(DevTool::name).distinct().limit(MAX_GUESSES).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        String head = String.join(", ", names.subList(0, names.size() - 1));
        return Texts.get("detail.list.or", head, names.get(names.size() - 1));
    }
}
