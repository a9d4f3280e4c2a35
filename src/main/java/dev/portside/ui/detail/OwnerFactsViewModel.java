package dev.portside.ui.detail;

import dev.portside.core.ListeningSocket;
import dev.portside.core.Printable;
import dev.portside.core.SocketUser;
import dev.portside.knowledge.HiddenOwners;
import dev.portside.knowledge.OwnerInference;
import dev.portside.knowledge.Texts;
import dev.portside.owner.Container;
import dev.portside.owner.OwnerFacts;
import dev.portside.owner.Project;
import dev.portside.owner.PublishedPort;
import dev.portside.owner.ServiceUnit;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The owner part of the detail pane: the container behind the socket, the service unit and the
 * command that stops it, the project, and for a hidden owner the socket's user and why it is hidden.
 * Every text is "" when not known (the view shows only what is known). Set on the FX thread from the
 * facts the detail pane composed in the background.
 */
public final class OwnerFactsViewModel {

    private final ReadOnlyStringWrapper container = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper containerPort = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper containerProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper service = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper serviceStop = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper project = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper socketUser = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hiddenNote = new ReadOnlyStringWrapper("");

    /** @param viewerIsRoot true when Portside runs as root (no sudo in commands, other words for hidden owners) */
    void show(OwnerFacts facts, ListeningSocket socket, boolean viewerIsRoot) {
        Container c = facts.container();
        container.set(c == null ? "" : Printable.of(Texts.get("detail.container.value", c.displayName(),
                c.image().isEmpty() ? c.shortId() : c.image())));
        PublishedPort p = facts.published();
        containerPort.set(c == null || p == null ? "" : Texts.get("detail.container.port", p.containerPort(),
                p.protocol(), socket.endpoint()));
        containerProblem.set(facts.containerProblem() == null ? "" : OwnerInference.why(facts.containerProblem()));
        ServiceUnit unit = facts.unit();
        service.set(unit == null ? "" : Printable.of(unit.name()));
        serviceStop.set(unit == null ? "" : Printable.of(unit.stopCommand(viewerIsRoot)));
        Project pr = facts.project();
        project.set(pr == null ? "" : Printable.of(Texts.get("detail.project.value", pr.name(),
                Texts.get("detail.project.where", pr.manifest(), pr.folder()))));
        SocketUser user = socket.user();
        boolean hidden = socket.ownerHidden();
        socketUser.set(hidden && user.known() ? Printable.of(Texts.get("detail.socketUser.value", user.name(), user.uid()))
                : "");
        hiddenNote.set(hidden ? HiddenOwners.tooltip(user, viewerIsRoot) : "");
    }

    void clear() {
        for (ReadOnlyStringWrapper p : List.of(container, containerPort, containerProblem, service, serviceStop, project,
                socketUser, hiddenNote)) {
            p.set("");
        }
    }

    /** "shop-web (nginx:1.27)". */
    public ReadOnlyStringProperty containerProperty() {
        return container.getReadOnlyProperty();
    }

    /** "80/tcp inside the container, published as 0.0.0.0:8080". */
    public ReadOnlyStringProperty containerPortProperty() {
        return containerPort.getReadOnlyProperty();
    }

    /** Why a container could not be named ("add yourself to the docker group"), or "". */
    public ReadOnlyStringProperty containerProblemProperty() {
        return containerProblem.getReadOnlyProperty();
    }

    /** "nginx.service". */
    public ReadOnlyStringProperty serviceProperty() {
        return service.getReadOnlyProperty();
    }

    /** "sudo systemctl stop nginx": stops it for good (ending the process lets systemd restart it). */
    public ReadOnlyStringProperty serviceStopProperty() {
        return serviceStop.getReadOnlyProperty();
    }

    /** "shop (package.json in /home/ada/code/shop)". */
    public ReadOnlyStringProperty projectProperty() {
        return project.getReadOnlyProperty();
    }

    /** For a hidden owner: "postgres (uid 113)". */
    public ReadOnlyStringProperty socketUserProperty() {
        return socketUser.getReadOnlyProperty();
    }

    /** For a hidden owner: why it is hidden and how to see it (no sudo advice for root). */
    public ReadOnlyStringProperty hiddenNoteProperty() {
        return hiddenNote.getReadOnlyProperty();
    }
}
