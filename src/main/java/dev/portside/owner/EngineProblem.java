package dev.portside.owner;

import java.util.Objects;

/**
 * Why no container engine could name a container: the words are in {@code knowledge}.
 *
 * @param kind what went wrong
 * @param socket the engine socket it was about (e.g. "/var/run/docker.sock"), or ""
 * @param detail the system's own message, for the curious ("" when there is none)
 */
public record EngineProblem(Kind kind, String socket, String detail) {

    public enum Kind {
        /** No engine socket on this computer: Docker or Podman is not installed, or not started. */
        NO_ENGINE,
        /** The socket exists, but this user may not use it (not in the docker group). */
        PERMISSION_DENIED,
        /** The socket exists but nothing answers on it (the engine stopped). */
        NOT_RUNNING,
        /** The engine did not answer in time. */
        TIMEOUT,
        /** The engine answered, but knows no container that publishes this port. */
        NOT_FOUND,
        /** Anything else: the detail says what. */
        ERROR
    }

    public EngineProblem {
        Objects.requireNonNull(kind, "kind");
        socket = Objects.requireNonNullElse(socket, "");
        detail = Objects.requireNonNullElse(detail, "");
    }
}
