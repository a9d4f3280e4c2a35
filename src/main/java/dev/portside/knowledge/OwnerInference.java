package dev.portside.knowledge;

import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Names what most likely owns a socket: from the owner's process name and command line when it
 * matches the tool catalogue ("recognised"), else from the port number ("guessed"), else unknown.
 * Pure and fast once the catalogue and registry are loaded.
 */
public final class OwnerInference {

    private static final int MAX_GUESSES = 3;

    private final DevToolCatalogue catalogue;
    private final ServiceRegistry registry;
    private final Clock clock;
    private final String home;

    public OwnerInference(DevToolCatalogue catalogue, ServiceRegistry registry, Clock clock, String home) {
        this.catalogue = Objects.requireNonNull(catalogue);
        this.registry = Objects.requireNonNull(registry);
        this.clock = Objects.requireNonNull(clock);
        this.home = Objects.requireNonNullElse(home, "");
    }

    public LikelyOwner infer(ListeningSocket socket) {
        return infer(socket, "");
    }

    /**
     * @param workingDirectory the owner's working directory when known ("" otherwise), shown as
     *     "in ~/code/shop"
     */
    public LikelyOwner infer(ListeningSocket socket, String workingDirectory) {
        Optional<ProcessInfo> owner = socket.owner();
        if (owner.isPresent()) {
            ProcessInfo p = owner.get();
            if (isDockerProxy(p)) {
                Optional<DockerForward> forward = DockerForward.parse(p.commandLine());
                if (forward.isPresent()) {
                    return docker(socket, p, forward.get());
                }
            }
            Optional<DevTool> tool = catalogue.recognise(p, socket.port());
            if (tool.isPresent()) {
                return recognised(socket, p, tool.get(), workingDirectory);
            }
        }
        return guess(socket, owner.orElse(null), workingDirectory);
    }

    private LikelyOwner recognised(ListeningSocket socket, ProcessInfo p, DevTool tool, String cwd) {
        String sentence = Texts.get("detail.owner.sentence", tool.name(), p.displayName(), p.pid(), started(p),
                inDirectory(cwd));
        if (tool.generic()) {
            // "node" alone says little: add what the port usually is.
            List<DevTool> usual = catalogue.usuallyOn(socket.port()).stream()
                    .filter(t -> !t.generic() && t.matchesProcessName(p)).toList();
            if (!usual.isEmpty()) {
                sentence += " " + Texts.get("detail.owner.guess.catalogue", socket.port(), names(usual));
            }
        }
        return new LikelyOwner(tool.name(), sentence, OwnerCertainty.RECOGNISED_FROM_COMMAND_LINE, tool.description(),
                tool);
    }

    private LikelyOwner docker(ListeningSocket socket, ProcessInfo p, DockerForward f) {
        int hostPort = f.hostPort() >= 0 ? f.hostPort() : socket.port();
        String sentence = f.containerIp().isEmpty()
                ? Texts.get("detail.owner.docker.sentence.noip", hostPort, f.containerPort(), p.displayName(), p.pid())
                : Texts.get("detail.owner.docker.sentence", hostPort, f.containerPort(), f.containerIp(),
                        p.displayName(), p.pid());
        DevTool tool = catalogue.byId("docker-proxy").orElse(null);
        return new LikelyOwner(Texts.get("detail.owner.docker.label", f.containerPort()), sentence,
                OwnerCertainty.RECOGNISED_FROM_COMMAND_LINE, tool == null ? "" : tool.description(), tool);
    }

    private LikelyOwner guess(ListeningSocket socket, ProcessInfo p, String cwd) {
        String why = p == null ? Texts.get("detail.owner.guess.hidden")
                : Texts.get("detail.owner.guess.unrecognised", p.displayName(), p.pid());
        List<DevTool> usual = catalogue.usuallyOn(socket.port());
        if (!usual.isEmpty()) {
            DevTool first = usual.get(0);
            String sentence = Texts.get("detail.owner.guess.catalogue", socket.port(), names(usual)) + " " + why;
            return new LikelyOwner(first.name(), sentence, OwnerCertainty.GUESSED_FROM_PORT, first.description(),
                    first);
        }
        Optional<IanaService> iana = registry.lookup(socket.protocol(), socket.port());
        if (iana.isPresent() && !iana.get().name().isEmpty()) {
            String service = describe(iana.get());
            String sentence = Texts.get("detail.owner.guess.iana", socket.port(), service) + " " + why;
            return new LikelyOwner(iana.get().description().isEmpty() ? iana.get().name() : iana.get().description(),
                    sentence, OwnerCertainty.GUESSED_FROM_PORT, iana.get().description(), null);
        }
        if (p == null) {
            return new LikelyOwner(Texts.get("detail.owner.unknown.label"),
                    Texts.get("detail.owner.unknown.hidden", socket.port()), OwnerCertainty.UNKNOWN, "", null);
        }
        return new LikelyOwner(p.displayName(), Texts.get("detail.owner.unknown", p.displayName(), p.pid(), started(p),
                inDirectory(cwd), socket.port()), OwnerCertainty.UNKNOWN, "", null);
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
                || p.commandLine().matches("^\\S*docker-proxy\\s.*");
    }

    private String started(ProcessInfo p) {
        return p.startTimeIfKnown().map(t -> Texts.get("detail.owner.sentence.started", Ages.ago(t, clock.instant())))
                .orElse("");
    }

    private String inDirectory(String cwd) {
        if (cwd == null || cwd.isEmpty() || cwd.equals("/")) {
            return ""; // daemons run in "/": that says nothing
        }
        String shown = cwd;
        if (!home.isEmpty() && !home.equals("/")) {
            if (cwd.equals(home)) {
                shown = "~";
            } else if (cwd.startsWith(home + "/") || cwd.startsWith(home + "\\")) {
                shown = "~" + cwd.substring(home.length());
            }
        }
        return Texts.get("detail.owner.sentence.in", shown);
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
