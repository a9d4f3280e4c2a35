package dev.portside.owner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The running containers of every engine on this computer, asked at most once per
 * {@link #FRESH} (a failure is remembered longer, so a missing permission costs one try per
 * {@link #FAILED_FRESH}). Safe to use from several threads; blocks only the thread that asks
 * while the engines answer.
 */
public final class ContainerDirectory {

    static final Duration FRESH = Duration.ofSeconds(2);
    static final Duration FAILED_FRESH = Duration.ofSeconds(15);

    /**
     * The containers of every engine that answered.
     *
     * @param problem why no container can be named (null when at least one engine answered)
     */
    public record Listing(List<Container> containers, EngineProblem problem) {
        public Listing {
            containers = List.copyOf(containers);
        }

        public boolean answered() {
            return problem == null;
        }
    }

    private final ContainerEngines engines;
    private final LongSupplier nanoClock;
    private Listing last;
    private long lastAt;
    /** Which engine listed each container, by id (kept across refreshes: a stopped container's engine is still known). */
    private final java.util.Map<String, ContainerEngine> engineById = new java.util.concurrent.ConcurrentHashMap<>();

    public ContainerDirectory(ContainerEngines engines) {
        this(engines, System::nanoTime);
    }

    ContainerDirectory(ContainerEngines engines, LongSupplier nanoClock) {
        this.engines = engines;
        this.nanoClock = nanoClock;
    }

    public static ContainerDirectory system() {
        return new ContainerDirectory(ContainerEngines.system());
    }

    /** The running containers, from the cache when it is fresh. */
    public synchronized Listing listing() {
        long now = nanoClock.getAsLong();
        if (last != null) {
            long age = now - lastAt;
            if (age < (last.answered() ? FRESH : FAILED_FRESH).toNanos()) {
                return last;
            }
        }
        last = ask();
        lastAt = nanoClock.getAsLong();
        return last;
    }

    /** Forgets the cached list (after a container was stopped, or a new container-like socket appeared). */
    public synchronized void invalidate() {
        last = null;
    }

    /** The engine whose API listed this container. */
    public Optional<ContainerEngine> engineOf(Container c) {
        return Optional.ofNullable(engineById.get(c.id()))
                .or(() -> engines.engines().stream().filter(e -> e.name().equals(c.engine())).findFirst())
                .or(() -> engines.engines().stream().findFirst());
    }

    public ContainerEngines engines() {
        return engines;
    }

    private Listing ask() {
        if (engines.isEmpty()) {
            EngineProblem why = engines.unusableHost() != null ? engines.unusableHost()
                    : new EngineProblem(EngineProblem.Kind.NO_ENGINE, "/var/run/docker.sock", "");
            return new Listing(List.of(), why);
        }
        List<Container> all = new ArrayList<>();
        List<EngineProblem> problems = new ArrayList<>();
        boolean anyAnswered = false;
        for (ContainerEngine e : engines.engines()) {
            try {
                for (Container c : e.containers()) {
                    all.add(c);
                    engineById.put(c.id(), e);
                }
                anyAnswered = true;
            } catch (EngineException ex) {
                problems.add(ex.problem());
            }
        }
        if (anyAnswered) {
            return new Listing(all, null);
        }
        // The most useful reason first: a permission the user can fix beats "not running".
        problems.sort(Comparator.comparingInt(p -> switch (p.kind()) {
            case PERMISSION_DENIED -> 0;
            case NOT_RUNNING -> 1;
            case TIMEOUT -> 2;
            case ERROR -> 3;
            default -> 4;
        }));
        return new Listing(List.of(), problems.get(0));
    }
}
