package dev.portside.diagnose;

import dev.portside.core.ListeningSocket;
import dev.portside.knowledge.DockerForward;
import java.util.Objects;
import java.util.Optional;

/**
 * What the socket table alone does not say about a socket's owner: the user of a socket whose
 * process this user cannot see, and the container that publishes a port. The {@code owner} feature
 * answers these from /proc/net and the container engine; until then only what the process list
 * shows is known.
 */
public interface OwnershipFacts {

    /** The user a socket belongs to when its process is hidden from this user, if known. */
    Optional<SocketUser> hiddenUser(ListeningSocket socket);

    /** The container that publishes this socket's port, if any. */
    Optional<ContainerPort> container(ListeningSocket socket);

    /**
     * @param uid the numeric user id
     * @param name the user name, or "" when it has none here
     */
    record SocketUser(int uid, String name) {
        public SocketUser {
            name = Objects.requireNonNullElse(name, "");
        }

        /** "postgres (uid 106)", or "uid 1000". */
        public String label() {
            return name.isEmpty() ? "uid " + uid : name + " (uid " + uid + ")";
        }
    }

    /**
     * @param engine "docker", "podman", …
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
    }

    /** Only what the process list shows: a docker-proxy's forward, no users of hidden sockets. */
    static OwnershipFacts fromProcessList() {
        return new OwnershipFacts() {
            @Override
            public Optional<SocketUser> hiddenUser(ListeningSocket socket) {
                return Optional.empty();
            }

            @Override
            public Optional<ContainerPort> container(ListeningSocket socket) {
                return socket.owner().filter(p -> p.displayName().equals("docker-proxy"))
                        .flatMap(p -> DockerForward.parse(p.commandLine()))
                        .map(f -> new ContainerPort("docker", "", "", "", f.containerPort()));
            }
        };
    }
}
