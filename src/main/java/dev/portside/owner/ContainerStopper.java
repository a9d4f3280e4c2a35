package dev.portside.owner;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Stops the container the user saw, through its engine's API, as {@code docker stop} does: the
 * engine asks the container's main process to end and kills it after the container's grace period.
 * Right before, it checks that the container is still the one the user saw (same id, still
 * running); it never signals a process itself (not {@code docker-proxy}, which only forwards the
 * port). Blocks for up to the grace period and a margin: call it off the FX thread.
 */
public final class ContainerStopper {

    /** How much longer than the grace period we wait for the engine's answer. */
    static final Duration MARGIN = Duration.ofSeconds(20);

    /** How a stop went. */
    public sealed interface Result permits Stopped, AlreadyStopped, Changed, Problem {
    }

    /** The engine stopped it; it waited up to {@code grace} for it to end on its own. */
    public record Stopped(Container container, Duration grace) implements Result {
    }

    /** It was not running any more (stopped on its own or by someone else meanwhile). */
    public record AlreadyStopped(Container container) implements Result {
    }

    /** The engine no longer knows that container (removed, or recreated under a new id): nothing was stopped. */
    public record Changed(Container container) implements Result {
    }

    /** The engine could not be asked, or refused. */
    public record Problem(Container container, EngineProblem problem) implements Result {
    }

    private final ContainerDirectory directory;

    public ContainerStopper(ContainerDirectory directory) {
        this.directory = Objects.requireNonNull(directory);
    }

    /** The grace period of a container as its engine says (its StopTimeout, else Docker's 10 s); empty when it cannot tell. */
    public Optional<Duration> grace(Container seen) {
        try {
            return engine(seen).inspect(seen.id()).map(ContainerState::grace);
        } catch (EngineException e) {
            return Optional.empty();
        }
    }

    public Result stop(Container seen) {
        ContainerEngine engine = engine(seen);
        try {
            Optional<ContainerState> now = engine.inspect(seen.id());
            if (now.isEmpty() || !now.get().id().startsWith(seen.id())) {
                return new Changed(seen);
            }
            if (!now.get().running()) {
                return new AlreadyStopped(seen);
            }
            Duration grace = now.get().grace();
            boolean stopped = engine.stop(seen.id(), null, grace.plus(MARGIN));
            return stopped ? new Stopped(seen, grace) : new AlreadyStopped(seen);
        } catch (EngineException e) {
            if (e.problem().kind() == EngineProblem.Kind.NOT_FOUND) {
                return new Changed(seen);
            }
            return new Problem(seen, e.problem());
        } finally {
            directory.invalidate(); // the list of running containers changed (or may have)
        }
    }

    private ContainerEngine engine(Container seen) {
        return directory.engineOf(seen).orElseGet(() -> ContainerEngine.unix("/var/run/docker.sock"));
    }
}
