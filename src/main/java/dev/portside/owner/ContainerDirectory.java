package dev.portside.owner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The running containers of every engine on this computer, asked at most once per
 * {@link #FRESH} (a missing permission is remembered longer, one try per {@link #FAILED_FRESH}). Which engines exist is looked at again on each ask (a few file checks):
 * a Docker started after Portside is seen at the next ask, and a remembered failure ends as soon
 * as the set of engines changes. Safe to use from several threads; blocks only the thread that
 * asks while the engines answer.
 */
public final class ContainerDirectory {

    static final Duration FRESH = Duration.ofSeconds(2);
    /** How long a refused permission is remembered (it changes only when the user's groups do). */
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

    private final Supplier<ContainerEngines> discovery;
    private final LongSupplier nanoClock;
    private volatile ContainerEngines engines;
    private Listing last;
    private long lastAt;
    private long asks;
    /** Which engine listed each container, by id (kept across refreshes: a stopped container's engine is still known). */
    private final java.util.Map<String, ContainerEngine> engineById = new java.util.concurrent.ConcurrentHashMap<>();

    /** A fixed set of engines (tests, or a finder that asks none). */
    public ContainerDirectory(ContainerEngines engines) {
        this(() -> engines, System::nanoTime);
    }

    ContainerDirectory(Supplier<ContainerEngines> discovery, LongSupplier nanoClock) {
        this.discovery = discovery;
        this.nanoClock = nanoClock;
        this.engines = discovery.get();
    }

    /** This computer's engines, looked for again at every ask. */
    public static ContainerDirectory system() {
        return new ContainerDirectory(new Supplier<>() { // not lambdas: step 27 of docs/PERFORMANCE.md
            @Override
            public ContainerEngines get() {
                return ContainerEngines.system();
            }
        }, new LongSupplier() {
            @Override
            public long getAsLong() {
                return System.nanoTime();
            }
        });
    }

    /** The running containers, from the cache when it is fresh and the engines are the same. */
    public synchronized Listing listing() {
        long now = nanoClock.getAsLong();
        ContainerEngines found = discovery.get();
        if (!sockets(found).equals(sockets(engines))) {
            last = null; // an engine came or went: what was remembered no longer says anything
        }
        engines = found;
        if (last != null) {
            long age = now - lastAt;
            // Only a missing permission is worth remembering longer: a daemon that was not running
            // may be starting now.
            boolean slowToChange = !last.answered() && last.problem().kind() == EngineProblem.Kind.PERMISSION_DENIED;
            if (age < (slowToChange ? FAILED_FRESH : FRESH).toNanos()) {
                return last;
            }
        }
        last = ask();
        lastAt = nanoClock.getAsLong();
        asks++;
        return last;
    }

    /** How many times the engines were asked so far: whether a {@link #listing()} was fresh or kept. */
    public synchronized long asks() {
        return asks;
    }

    private static List<String> sockets(ContainerEngines e) {
        List<String> sockets = new ArrayList<>();
        for (ContainerEngine engine : e.engines()) {
            sockets.add(engine.socket());
        }
        return sockets;
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
