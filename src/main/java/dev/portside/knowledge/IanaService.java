package dev.portside.knowledge;

import dev.portside.core.Protocol;

/**
 * One entry of IANA's service-name registry.
 *
 * @param port the port number
 * @param protocol TCP or UDP
 * @param name the service name, e.g. "postgresql" (may be empty for a few assigned, unnamed ports)
 * @param description IANA's description, e.g. "PostgreSQL Database"
 */
public record IanaService(int port, Protocol protocol, String name, String description) {
}
