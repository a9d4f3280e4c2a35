package dev.portside.diagnose;

import dev.portside.core.ListeningSocket;
import dev.portside.core.Printable;
import dev.portside.core.SocketUser;
import dev.portside.knowledge.DockerForward;
import dev.portside.knowledge.Texts;
import dev.portside.owner.Container;
import dev.portside.owner.EngineProblem;
import dev.portside.owner.OwnerFacts;
import dev.portside.owner.OwnerFinder;
import java.util.Objects;
import java.util.Optional;

/**
 * What the socket table alone does not say about a socket's owner: the account of a socket whose
 * process this user cannot see (the kernel's socket uid), and the container that publishes a port.
 * {@link #ownerFinder} asks the {@code owner} feature (the container engines, /proc); tests give
 * their own answers.
 */
public interface OwnershipFacts {

    /** What is known of one socket's owner. */
    Ownership of(ListeningSocket socket);

    /** Called once at the start of each diagnosis (a fresh look at the container engines). */
    default void begin() {
    }

    /**
     * @param user the account the socket belongs to ({@link SocketUser#UNKNOWN} when not known)
     * @param container the container that publishes it, or null
     * @param containerProblem why a socket that looks like a container's could not be named, or ""
     * @param facts what the owner feature found out about the owner (container, service, project),
     *     from which the likely owner is named ("Express app (api)"); {@link OwnerFacts#NONE} when not asked
     */
    record Ownership(SocketUser user, ContainerPort container, String containerProblem, OwnerFacts facts) {
        public static final Ownership NONE = new Ownership(SocketUser.UNKNOWN, null, "", OwnerFacts.NONE);

        public Ownership {
            user = Objects.requireNonNullElse(user, SocketUser.UNKNOWN);
            containerProblem = Objects.requireNonNullElse(containerProblem, "");
            facts = Objects.requireNonNullElse(facts, OwnerFacts.NONE);
        }

        public Ownership(SocketUser user, ContainerPort container, String containerProblem) {
            this(user, container, containerProblem, OwnerFacts.NONE);
        }
    }

    /**
     * @param engine "Docker", "Podman", … (whose API answered), or "docker" when only a forwarder was seen
     * @param name the container's name, or "" when not known
     * @param image its image, or ""
     * @param id its id, or ""
     * @param containerPort the port inside the container, or -1
     */
    record ContainerPort(String engine, String name, String image, String id, int containerPort) {
        public ContainerPort {
            engine = Objects.requireNonNullElse(engine, "docker");
            name = Objects.requireNonNullElse(name, "");
            image = Objects.requireNonNullElse(image, "");
            id = Objects.requireNonNullElse(id, "");
        }

        /** The command that stops it: {@code docker stop web}. */
        public String stopCommand() {
            String tool = engine.equalsIgnoreCase("podman") ? "podman" : "docker";
            return tool + " stop " + (name.isEmpty() ? id : name);
        }
    }

    /** The socket's own user as the scanner read it, and the container behind a docker-proxy's forward. */
    static OwnershipFacts fromScan() {
        return socket -> new Ownership(socket.user(), forwarded(socket), "");
    }

    /**
     * This computer's: a new {@link OwnerFinder} for each diagnosis, so that an engine started after
     * Portside, or a container started a second ago, is seen (the app's shared finder keeps its list
     * of engines and, for a moment, their answers).
     */
    static OwnershipFacts thisComputer() {
        return new OwnershipFacts() {
            private volatile OwnershipFacts current = ownerFinder(OwnerFinder.system());

            @Override
            public void begin() {
                current = ownerFinder(OwnerFinder.system());
            }

            @Override
            public Ownership of(ListeningSocket socket) {
                return current.of(socket);
            }
        };
    }

    /** The owner feature's answers: containers named by their engine, hidden sockets' users from the scan. */
    static OwnershipFacts ownerFinder(OwnerFinder finder) {
        return socket -> {
            OwnerFacts facts = finder.find(socket);
            Optional<Container> c = facts.containerIfKnown();
            ContainerPort container = c.map(x -> new ContainerPort(x.engine(), x.name(), x.image(), x.id(),
                    facts.published() == null ? -1 : facts.published().containerPort())).orElse(forwarded(socket));
            String problem = facts.containerProblemIfAny().map(OwnershipFacts::words).orElse("");
            return new Ownership(socket.user(), container, problem, facts);
        };
    }

    private static ContainerPort forwarded(ListeningSocket socket) {
        return socket.owner().filter(OwnerFinder::isForwarderName).flatMap(p -> DockerForward.parse(p.commandLine()))
                .map(f -> new ContainerPort("docker", "", "", "", f.containerPort())).orElse(null);
    }

    private static String words(EngineProblem p) {
        return Texts.get("container.why." + p.kind().name(), Printable.of(p.socket()), Printable.of(p.detail()));
    }
}
