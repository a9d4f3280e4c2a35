package dev.portside.owner;

import java.util.List;
import java.util.Objects;

/**
 * A running container as its engine's API describes it.
 *
 * @param engine "Docker" or "Podman": whose API answered
 * @param id the full container id (64 hex digits)
 * @param name the name without Docker's leading slash, e.g. "shop-web"
 * @param image the image it runs, e.g. "nginx:1.27" (as the user named it)
 * @param state "running", "paused", "restarting", … (the engine's word)
 * @param status the engine's sentence, e.g. "Up 3 minutes"
 * @param ports the ports it publishes on this computer
 */
public record Container(String engine, String id, String name, String image, String state, String status,
        List<PublishedPort> ports) {

    public Container {
        engine = Objects.requireNonNullElse(engine, "Docker");
        id = Objects.requireNonNullElse(id, "");
        name = Objects.requireNonNullElse(name, "");
        image = Objects.requireNonNullElse(image, "");
        state = Objects.requireNonNullElse(state, "");
        status = Objects.requireNonNullElse(status, "");
        ports = List.copyOf(ports);
    }

    /** The 12-digit id Docker shows. */
    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /** The name, or the short id when the container has none. */
    public String displayName() {
        return name.isEmpty() ? shortId() : name;
    }

    /** True when this container's id is or starts with {@code idOrPrefix} (cgroups name the full id). */
    public boolean hasId(String idOrPrefix) {
        return !idOrPrefix.isEmpty() && !id.isEmpty() && (id.startsWith(idOrPrefix) || idOrPrefix.startsWith(id));
    }
}
