package dev.portside.owner;

import java.util.Objects;

/**
 * A port a container publishes on this computer: {@code -p 8080:80} is host port 8080, container port 80.
 *
 * @param hostIp the address on this computer it is bound to ("0.0.0.0", "::", "127.0.0.1", or "" for all)
 * @param hostPort the port on this computer
 * @param containerPort the port inside the container
 * @param protocol "tcp", "udp" or "sctp"
 */
public record PublishedPort(String hostIp, int hostPort, int containerPort, String protocol) {

    public PublishedPort {
        hostIp = Objects.requireNonNullElse(hostIp, "");
        protocol = Objects.requireNonNullElse(protocol, "tcp");
    }
}
