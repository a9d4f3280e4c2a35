package dev.portside.owner;

import java.util.Objects;
import java.util.Optional;

/**
 * What a socket's owner really is, beyond its process name: found by {@link OwnerFinder}, put into
 * words by {@code knowledge}. Every part may be missing.
 *
 * @param container the container behind the socket (its engine named it), or null
 * @param published the port mapping of that container that this socket carries, or null (a
 *     container on the host's network has none)
 * @param containerProblem why a socket that looks like a container's could not be named (no engine,
 *     no permission on its socket, …), or null
 * @param unit the systemd unit the owner runs in, or null
 * @param project the project in the owner's working folder (or above), or null
 * @param workingDirectory the owner's working folder, or "" when unknown
 * @param containerId the container id from the owner's cgroup ("" when none), known even when the
 *     engine cannot be asked
 */
public record OwnerFacts(Container container, PublishedPort published, EngineProblem containerProblem,
        ServiceUnit unit, Project project, String workingDirectory, String containerId) {

    public static final OwnerFacts NONE = new OwnerFacts(null, null, null, null, null, "", "");

    public OwnerFacts {
        workingDirectory = Objects.requireNonNullElse(workingDirectory, "");
        containerId = Objects.requireNonNullElse(containerId, "");
    }

    /** Only the working folder (what the detail pane knew before there were owner facts). */
    public static OwnerFacts inFolder(String workingDirectory) {
        return new OwnerFacts(null, null, null, null, null, workingDirectory, "");
    }

    /** The same facts with the working folder another reader found (where /proc could not tell). */
    public OwnerFacts withWorkingDirectory(String folder) {
        return new OwnerFacts(container, published, containerProblem, unit, project, folder, containerId);
    }

    public Optional<Container> containerIfKnown() {
        return Optional.ofNullable(container);
    }

    public Optional<ServiceUnit> unitIfKnown() {
        return Optional.ofNullable(unit);
    }

    public Optional<Project> projectIfKnown() {
        return Optional.ofNullable(project);
    }

    public Optional<EngineProblem> containerProblemIfAny() {
        return Optional.ofNullable(containerProblem);
    }
}
