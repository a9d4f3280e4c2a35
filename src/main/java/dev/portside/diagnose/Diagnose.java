package dev.portside.diagnose;

import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import dev.portside.core.Printable;
import dev.portside.core.Protocol;
import dev.portside.owner.OwnerFacts;
import dev.portside.platform.OsFamily;
import dev.portside.poll.BackgroundRunner;
import dev.portside.knowledge.Knowledge;
import dev.portside.knowledge.Texts;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Diagnoses a port, an address, a URL or a pasted message on this computer: reads the text, gathers
 * the facts (sockets, connection states, what localhost resolves to, connects and, on request, a
 * bind), then applies the {@link Diagnoser}'s rules. Every probe goes to this computer's own
 * addresses only, sends no data, and is bounded: a connect waits at most {@link #CONNECT_TIMEOUT},
 * and any step that does not return in its time is cut off and reported as such. Call it off the FX
 * thread; one instance serves one thread at a time (its socket source may keep caches).
 */
public final class Diagnose {

    public static final Duration CONNECT_TIMEOUT = Duration.ofMillis(1000);
    /** A step (a scan, a resolve, a connect, netsh) that has not returned after this is abandoned. */
    static final Duration STEP_LIMIT = Duration.ofSeconds(3);
    static final Duration SCAN_LIMIT = Duration.ofSeconds(15);
    /** The owners of at most this many sockets on the port are looked up (an engine call each, at most). */
    static final int MAX_OWNER_LOOKUPS = 4;

    /** The listening sockets of this computer (a scanner). */
    @FunctionalInterface
    public interface SocketSource {
        List<ListeningSocket> listening();
    }

    /** Where the Windows excluded ranges come from (netsh on Windows; recorded output in tests). */
    @FunctionalInterface
    public interface ExcludedRangeSource {
        List<PortRange> excluded() throws Exception;
    }

    /** What came of it: a diagnosis, or a sentence saying why the text could not be read. */
    public sealed interface Outcome permits Diagnosed, NotRead {
        /** 0, 1 or 2, as {@code portside why} exits. */
        int exitCode();
    }

    public record Diagnosed(Diagnosis diagnosis) implements Outcome {
        @Override
        public int exitCode() {
            return diagnosis.exitCode();
        }
    }

    /**
     * @param text the text as given
     * @param message what is wrong with it, and what to type instead
     */
    public record NotRead(String text, String message) implements Outcome {
        @Override
        public int exitCode() {
            return Diagnosis.EXIT_UNREADABLE;
        }
    }

    /** Everything the investigation reads or tries, behind small interfaces (tests replace each). */
    public record Sources(SocketSource sockets, ConnectionStates states, HostResolver resolver, Prober prober,
            Supplier<PortRules> rules, ExcludedRangeSource excluded, OwnershipFacts ownership,
            Supplier<List<IpAddress>> ownAddresses, BooleanSupplier canEndOthers) {

        public Sources {
            Objects.requireNonNull(sockets, "sockets");
            Objects.requireNonNull(states, "states");
            Objects.requireNonNull(resolver, "resolver");
            Objects.requireNonNull(prober, "prober");
            Objects.requireNonNull(rules, "rules");
            Objects.requireNonNull(excluded, "excluded");
            Objects.requireNonNull(ownership, "ownership");
            Objects.requireNonNull(ownAddresses, "ownAddresses");
            Objects.requireNonNull(canEndOthers, "canEndOthers");
        }

        /** This computer's, with the given socket source. */
        public static Sources thisComputer(SocketSource sockets) {
            return new Sources(sockets, ConnectionStates.forThisMachine(), HostResolver.system(), Prober.sockets(),
                    PortRules::forThisMachine, ExcludedPortRanges::onThisMachine,
                    OwnershipFacts.thisComputer(),
                    Diagnose::interfaceAddresses, Diagnose::mayEndOthers);
        }

        public Sources withOwnership(OwnershipFacts o) {
            return new Sources(sockets, states, resolver, prober, rules, excluded, o, ownAddresses, canEndOthers);
        }

        public Sources withProber(Prober p) {
            return new Sources(sockets, states, resolver, p, rules, excluded, ownership, ownAddresses, canEndOthers);
        }

        public Sources withRules(Supplier<PortRules> r) {
            return new Sources(sockets, states, resolver, prober, r, excluded, ownership, ownAddresses, canEndOthers);
        }

        public Sources withExcluded(ExcludedRangeSource e) {
            return new Sources(sockets, states, resolver, prober, rules, e, ownership, ownAddresses, canEndOthers);
        }

    }

    private final Sources sources;
    private final BackgroundRunner runner;
    private final Supplier<Diagnoser> diagnoser;
    private final Duration connectTimeout;
    private final Duration stepLimit;

    /**
     * @param runner whose step threads run the bounded steps ({@link BackgroundRunner#callWithin}):
     *     the app's runner in the window, one made for the command in {@code portside why}
     */
    public Diagnose(Sources sources, BackgroundRunner runner) {
        this(sources, runner, () -> new Diagnoser(Knowledge.shared()), CONNECT_TIMEOUT, STEP_LIMIT);
    }

    Diagnose(Sources sources, BackgroundRunner runner, Supplier<Diagnoser> diagnoser, Duration connectTimeout,
            Duration stepLimit) {
        this.sources = Objects.requireNonNull(sources);
        this.runner = Objects.requireNonNull(runner);
        this.diagnoser = Objects.requireNonNull(diagnoser);
        this.connectTimeout = connectTimeout;
        this.stepLimit = stepLimit;
    }

    /**
     * Whether to try a bind too ("Can my server use port 3000?") and where.
     *
     * @param asked true to try
     * @param at the address, or null for the one the input names (a literal of this computer), else 127.0.0.1
     */
    public record BindRequest(boolean asked, IpAddress at) {
        public static final BindRequest NONE = new BindRequest(false, null);
        /** On the address the input names, loopback when it names none. */
        public static final BindRequest NAMED_OR_LOOPBACK = new BindRequest(true, null);

        public static BindRequest at(IpAddress address) {
            return new BindRequest(true, Objects.requireNonNull(address));
        }

        Optional<IpAddress> where(DiagnosisInput in) {
            if (!asked) {
                return Optional.empty();
            }
            return Optional.of(at != null ? at : in.literal().orElse(IpAddress.IPV4_LOOPBACK));
        }
    }

    /** Reads the text and diagnoses it. */
    public Outcome run(String text) {
        return run(text, BindRequest.NONE);
    }

    /** Reads the text and diagnoses it, trying a bind when asked. */
    public Outcome run(String text, BindRequest bind) {
        InputReader.Result read = InputReader.read(text);
        if (read instanceof InputReader.Unreadable u) {
            return new NotRead(u.text(), u.message());
        }
        DiagnosisInput in = ((InputReader.Readable) read).input();
        return new Diagnosed(diagnose(in, bind.where(in)));
    }

    /** Diagnoses what was already read (the window's "Can't connect to this?" for one socket). */
    public Diagnosis diagnose(DiagnosisInput in, Optional<IpAddress> bindAt) {
        PortRules rules = sources.rules().get();
        Facts.Builder facts = Facts.builder(rules);
        sources.ownership().begin();
        int port = in.port();

        List<IpAddress> own = bounded(() -> sources.ownAddresses().get(), stepLimit).value.orElse(List.of());
        facts.ownAddresses(own);
        facts.canEndOthers(sources.canEndOthers().getAsBoolean());

        Step<List<ListeningSocket>> scan = bounded(() -> sources.sockets().listening(), SCAN_LIMIT);
        List<ListeningSocket> sockets = scan.value.orElse(List.of());
        facts.sockets(sockets);
        scan.problem.ifPresent(facts::scanProblem);

        // The connection states first: Portside's own connects below must not be among them.
        Step<List<TcpConnection>> states = bounded(() -> sources.states().onPort(port), stepLimit);
        states.value.ifPresent(facts::connections);
        states.problem.ifPresent(facts::connectionsProblem);

        java.util.Map<String, List<IpAddress>> resolved = new java.util.LinkedHashMap<>();
        for (String host : ProbePlan.hostsToResolve(in)) {
            Step<List<IpAddress>> r = bounded(() -> sources.resolver().resolve(host), stepLimit);
            r.value.ifPresent(list -> {
                resolved.put(host, list);
                facts.resolved(host, list);
            });
            r.problem.ifPresent(p -> facts.resolveProblem(host, p));
        }

        List<ListeningSocket> tcp = sockets.stream().filter(s -> s.port() == port && s.protocol() == Protocol.TCP).toList();
        Facts partial = facts.build();
        List<IpAddress> targets = ProbePlan.connectTargets(in, resolved, tcp, partial::isThisComputer);
        List<Future<ConnectAttempt>> connects = new ArrayList<>();
        for (IpAddress a : targets) {
            connects.add(runner.startStep(() -> sources.prober().connect(a, port, connectTimeout)));
        }
        long deadline = System.nanoTime() + connectTimeout.plus(stepLimit).toNanos();
        for (int i = 0; i < targets.size(); i++) {
            facts.attempt(await(connects.get(i), deadline, targets.get(i), port));
        }

        bindAt.ifPresent(at -> bind(facts, partial, at, port, tcp.isEmpty(), rules));

        if (rules.os() == OsFamily.WINDOWS) {
            Step<List<PortRange>> ranges = bounded(() -> sources.excluded().excluded(), stepLimit);
            ranges.value.ifPresent(facts::excluded);
            ranges.problem.ifPresent(facts::excludedProblem);
        }
        for (ListeningSocket s : tcp.stream().limit(MAX_OWNER_LOOKUPS).toList()) {
            Step<OwnershipFacts.Ownership> owner = bounded(() -> sources.ownership().of(s), stepLimit);
            owner.value.ifPresent(o -> {
                if (o.user().known() && !o.user().equals(s.user())) {
                    facts.hiddenUser(s, o.user());
                }
                if (o.container() != null) {
                    facts.container(s, o.container());
                }
                if (!o.containerProblem().isEmpty()) {
                    facts.containerProblem(s, o.containerProblem());
                }
                if (o.facts() != OwnerFacts.NONE) {
                    facts.owner(s, o.facts());
                }
            });
            owner.problem.ifPresent(p -> facts.containerProblem(s, p));
        }
        return diagnoser.get().diagnose(in, facts.build());
    }

    private void bind(Facts.Builder facts, Facts partial, IpAddress at, int port, boolean nothingListens,
            PortRules rules) {
        if (!partial.isThisComputer(at)) {
            facts.bind(new BindAttempt(at, port, false, Errno.EADDRNOTAVAIL, Texts.get("diagnose.bind.notTried")));
            return;
        }
        Step<BindAttempt> plain = bounded(() -> sources.prober().bind(at, port, false), stepLimit);
        BindAttempt first = plain.value.orElse(new BindAttempt(at, port, false, Errno.OTHER,
                plain.problem.orElse("")));
        facts.bind(first);
        if (!first.bound() && first.errno() == Errno.EADDRINUSE && nothingListens && rules.os() != OsFamily.WINDOWS) {
            bounded(() -> sources.prober().bind(at, port, true), stepLimit).value.ifPresent(facts::bind);
        }
    }

    private ConnectAttempt await(Future<ConnectAttempt> f, long deadline, IpAddress a, int port) {
        long left = Math.max(0, deadline - System.nanoTime());
        try {
            return f.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            long waited = connectTimeout.plus(stepLimit).toMillis();
            return new ConnectAttempt(a, port, ConnectAttempt.Outcome.CUT_OFF, Errno.ETIMEDOUT,
                    Texts.get("diagnose.cutOff"), waited);
        } catch (ExecutionException e) {
            return new ConnectAttempt(a, port, ConnectAttempt.Outcome.FAILED, Errno.OTHER, message(e.getCause()), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ConnectAttempt(a, port, ConnectAttempt.Outcome.CUT_OFF, Errno.OTHER, Texts.get("diagnose.cutOff"), 0);
        }
    }

    /** A step's value, or why there is none (it failed, or did not return in time and was abandoned). */
    private record Step<T>(Optional<T> value, Optional<String> problem) {
    }

    private <T> Step<T> bounded(Callable<T> work, Duration limit) {
        try {
            return new Step<>(Optional.ofNullable(runner.callWithin(work, limit)), Optional.empty());
        } catch (TimeoutException e) {
            return new Step<>(Optional.empty(), Optional.of(Texts.get("diagnose.stepCutOff", String.valueOf(limit.toMillis()))));
        } catch (ExecutionException e) {
            return new Step<>(Optional.empty(), Optional.of(message(e.getCause())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Step<>(Optional.empty(), Optional.of(Texts.get("diagnose.stepCutOff", "0")));
        }
    }

    private static String message(Throwable e) {
        if (e instanceof UnknownHostException) {
            return Texts.get("diagnose.unknownHost", Printable.of(e.getMessage()));
        }
        return e == null ? "" : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Every address of every interface that is up, loopback included. */
    static List<IpAddress> interfaceAddresses() {
        List<IpAddress> result = new ArrayList<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (ni.isUp()) {
                    ni.inetAddresses().forEach(a -> result.add(IpAddress.of(a)));
                }
            }
        } catch (SocketException e) {
            // no interfaces readable: only loopback and the wildcard count as this computer
        }
        return result;
    }

    /** Root (or CAP_KILL on Linux) may end any process; anyone else only their own. */
    static boolean mayEndOthers() {
        if (OsFamily.current() == OsFamily.LINUX) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("CapEff:")) {
                        return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << 5)) != 0;
                    }
                }
            } catch (Exception e) {
                // fall back to the user name
            }
        }
        return "root".equals(System.getProperty("user.name"));
    }
}
