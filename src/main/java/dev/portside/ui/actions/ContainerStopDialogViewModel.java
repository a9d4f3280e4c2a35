package dev.portside.ui.actions;

import dev.portside.action.KillPlan;
import dev.portside.core.ListeningSocket;
import dev.portside.core.Printable;
import dev.portside.knowledge.Texts;
import dev.portside.owner.Container;
import dev.portside.owner.PublishedPort;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The confirmation for a container's port: "Stop the container shop-web?", naming the container,
 * its image, id, state and port mapping, and saying that the engine stops it (with its grace
 * period) while the forwarding process is not ended. Everything was read before; names escaped.
 */
public final class ContainerStopDialogViewModel {

    private final KillPlan plan;
    private final Container container;
    private final String heading;
    private final String explanation;
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final String confirmText;

    /**
     * @param plan the port and sockets the user saw
     * @param published the mapping this port carries, or null (a container on the host's network)
     * @param grace how long the engine lets it end on its own
     */
    public ContainerStopDialogViewModel(KillPlan plan, Container container, PublishedPort published, Duration grace) {
        this.plan = Objects.requireNonNull(plan);
        this.container = Objects.requireNonNull(container);
        String name = Printable.of(container.displayName());
        String forwarders = plan.sockets().stream().flatMap(s -> s.owners().stream()).map(p -> Printable.of(p.displayName()))
                .distinct().collect(Collectors.joining(", "));
        heading = Texts.get("container.dialog.heading", name);
        explanation = Texts.get("container.dialog.explanation", String.valueOf(plan.port()), container.engine(),
                forwarders.isEmpty() ? "docker-proxy" : forwarders, String.valueOf(grace.toSeconds()));
        facts.put(Texts.get("container.dialog.image"), Printable.of(container.image()));
        facts.put(Texts.get("container.dialog.id"), container.shortId());
        facts.put(Texts.get("container.dialog.state"), Printable.of(container.status().isEmpty() ? container.state()
                : container.state() + " (" + container.status() + ")"));
        if (published != null) {
            String here = plan.sockets().stream().map(ListeningSocket::endpoint).distinct()
                    .collect(Collectors.joining(", "));
            facts.put(Texts.get("container.dialog.ports"), Texts.get("container.dialog.port", here,
                    published.containerPort(), published.protocol()));
        }
        confirmText = Texts.get("container.dialog.confirm");
    }

    public KillPlan plan() {
        return plan;
    }

    public Container container() {
        return container;
    }

    /** "Stop the container shop-web?". */
    public String heading() {
        return heading;
    }

    public String explanation() {
        return explanation;
    }

    /** Image, container id, state, port: in that order. */
    public Map<String, String> facts() {
        return facts;
    }

    /** "Stop container". */
    public String confirmText() {
        return confirmText;
    }
}
