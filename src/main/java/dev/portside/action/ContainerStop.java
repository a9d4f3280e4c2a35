package dev.portside.action;

import dev.portside.core.Printable;
import dev.portside.knowledge.OwnerInference;
import dev.portside.knowledge.Texts;
import dev.portside.owner.Container;
import dev.portside.owner.ContainerStopper;
import dev.portside.owner.EngineProblem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Frees a container's port the right way: stops the container through its engine (Docker's stop,
 * with the container's grace period), never by ending {@code docker-proxy}, which only forwards
 * the port (ending it breaks the forward while the container keeps running). Afterwards the port
 * is watched as after any other end ({@link PortFreer#watchAfter}). The outcome is a
 * {@link KillOutcome} like every other, in words.
 */
public final class ContainerStop {

    private final PortFreer freer;
    private final ContainerStopper stopper;

    public ContainerStop(PortFreer freer, ContainerStopper stopper) {
        this.freer = Objects.requireNonNull(freer);
        this.stopper = Objects.requireNonNull(stopper);
    }

    public ContainerStopper stopper() {
        return stopper;
    }

    /**
     * Stops the container the user confirmed, then watches the plan's port.
     *
     * @param plan the port and the sockets the user saw (their owners are the forwarders that go with it)
     */
    public KillOutcome stop(KillPlan plan, Container container) {
        String name = Printable.of(container.displayName());
        ContainerStopper.Result result = stopper.stop(container);
        if (result instanceof ContainerStopper.Changed) {
            return new Refused(Refused.Reason.IDENTITY_CHANGED, Texts.get("action.container.changed", name));
        }
        if (result instanceof ContainerStopper.Problem p) {
            EngineProblem problem = p.problem();
            Failed.Reason reason = problem.kind() == EngineProblem.Kind.PERMISSION_DENIED
                    ? Failed.Reason.PERMISSION_DENIED : Failed.Reason.ERROR;
            return new Failed(reason, Texts.get("action.container.failed", name, OwnerInference.why(problem)));
        }
        String done = result instanceof ContainerStopper.Stopped
                ? Texts.get("action.container.stopped", name, Printable.of(container.image()))
                : Texts.get("action.container.alreadyStopped", name);
        Set<Long> forwarders = new LinkedHashSet<>();
        plan.sockets().forEach(s -> s.owners().forEach(o -> forwarders.add((long) o.pid())));
        KillOutcome watched = freer.watchAfter(plan, forwarders);
        String message = done + " " + watched.message();
        if (watched instanceof KillOutcome.Freed f) {
            return new KillOutcome.Freed(f.port(), List.of(), message);
        }
        if (watched instanceof KillOutcome.StillHeld h) {
            return new KillOutcome.StillHeld(h.port(), h.holders(), h.heldAgain(), List.of(), message);
        }
        if (watched instanceof Failed f) {
            return new Failed(f.reason(), message);
        }
        return watched;
    }
}
