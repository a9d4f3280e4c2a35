package dev.portside.knowledge;

import dev.portside.core.ListeningSocket;
import dev.portside.core.Protocol;
import dev.portside.owner.OwnerFacts;
import dev.portside.owner.Viewer;
import dev.portside.poll.BackgroundRunner;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The one entry point other features use: what a socket most likely is ({@link #likelyOwner}),
 * whether it speaks TLS ({@link #speaksTls}), its IANA service ({@link #service}).
 *
 * <p>{@link #shared()} reads the bundled data on first use and blocks meanwhile. The window calls
 * {@link #preload(BackgroundRunner)} at start-up, which reads it on the app's background runner, and
 * {@link #sharedIfLoaded()} later, which never waits.
 */
public final class Knowledge {

    private static final Pattern TLS_WORDS = Pattern.compile("\\b(?:tls|ssl|https)\\b", Pattern.CASE_INSENSITIVE);

    private static CompletableFuture<Knowledge> loading;
    /** Set once the bundled data is read, by whichever thread read it. */
    private static volatile Knowledge loaded;

    private final DevToolCatalogue catalogue;
    private final ServiceRegistry registry;
    private final OwnerInference owners;
    private final boolean viewerIsRoot;
    private final String home;

    public Knowledge(DevToolCatalogue catalogue, ServiceRegistry registry, Clock clock, String home) {
        this(catalogue, registry, clock, home, false);
    }

    /** @param viewerIsRoot true when Portside runs as root (hidden owners are then in other PID namespaces) */
    public Knowledge(DevToolCatalogue catalogue, ServiceRegistry registry, Clock clock, String home,
            boolean viewerIsRoot) {
        this.catalogue = Objects.requireNonNull(catalogue);
        this.registry = Objects.requireNonNull(registry);
        this.owners = new OwnerInference(catalogue, registry, clock, home, viewerIsRoot);
        this.home = home;
        this.viewerIsRoot = viewerIsRoot;
    }

    /**
     * The same knowledge telling ages ("started 2 minutes ago") by another clock: for a view that
     * re-words a kept owner when the minute turns, by the clock it shows time with. Cheap: the
     * bundled data is shared.
     */
    public Knowledge withClock(Clock other) {
        return new Knowledge(catalogue, registry, other, home, viewerIsRoot);
    }

    /** True when the words are for root (hidden owners are in other namespaces; no sudo advice). */
    public boolean viewerIsRoot() {
        return viewerIsRoot;
    }

    /** The bundled catalogue and registry, read on first use (blocks the first caller). */
    public static Knowledge shared() {
        Knowledge k = Holder.INSTANCE;
        loaded = k;
        return k;
    }

    /**
     * Starts reading the bundled data on {@code runner}'s background threads (the first call only),
     * so that later calls do not wait; the future completes when it is read.
     */
    public static synchronized CompletableFuture<Knowledge> preload(BackgroundRunner runner) {
        if (loading == null) {
            loading = runner.supply(Knowledge::shared);
        }
        return loading;
    }

    /**
     * The loading started by {@link #preload}; without one, the data is read now on the calling
     * thread (it blocks: not for the FX thread).
     */
    public static CompletableFuture<Knowledge> sharedAsync() {
        synchronized (Knowledge.class) {
            if (loading != null) {
                return loading;
            }
        }
        return CompletableFuture.completedFuture(shared());
    }

    /** The shared knowledge if it is already read; never waits and never starts reading. */
    public static Optional<Knowledge> sharedIfLoaded() {
        return Optional.ofNullable(loaded);
    }

    /** Shortcut for {@code shared().speaksTls(socket)}: should a URL for this socket use https? */
    public static boolean isTls(ListeningSocket socket) {
        return shared().speaksTls(socket);
    }

    /** Shortcut for {@code shared().likelyOwner(socket)}. */
    public static LikelyOwner likelyOwnerOf(ListeningSocket socket) {
        return shared().likelyOwner(socket);
    }

    public LikelyOwner likelyOwner(ListeningSocket socket) {
        return owners.infer(socket);
    }

    public LikelyOwner likelyOwner(ListeningSocket socket, String workingDirectory) {
        return owners.infer(socket, workingDirectory);
    }

    /** What owns the socket, with what {@link dev.portside.owner.OwnerFinder} found out about its owner. */
    public LikelyOwner likelyOwner(ListeningSocket socket, OwnerFacts facts) {
        return owners.infer(socket, facts);
    }

    /**
     * The IANA registry's line for the socket's port: "IANA registry: ipps — IPP over HTTPS", the
     * name alone when IANA gives no description, or that IANA registers nothing for it.
     */
    public String registryLine(ListeningSocket socket) {
        return registry.lookup(socket.protocol(), socket.port()).map(i -> {
            if (i.name().isEmpty()) {
                return Texts.get("detail.iana.known.noname", i.description());
            }
            if (i.description().isBlank() || i.description().equalsIgnoreCase(i.name())) {
                return Texts.get("detail.iana.known.nodescription", i.name());
            }
            return Texts.get("detail.iana.known", i.name(), i.description());
        }).orElse(Texts.get("detail.iana.none", socket.protocol().label(), socket.port()));
    }

    /**
     * True when the socket most likely speaks TLS, so a URL for it starts with https://: the
     * recognised tool says so for this port, else a catalogue tool usual on this port does, else
     * IANA's entry for the port mentions TLS, SSL or HTTPS.
     */
    public boolean speaksTls(ListeningSocket socket) {
        int port = socket.port();
        Optional<DevTool> recognised = socket.owner().flatMap(p -> catalogue.recognise(p, port))
                .filter(t -> !t.generic());
        if (recognised.isPresent()) {
            return recognised.get().speaksTlsOn(port);
        }
        if (catalogue.usuallyOn(port).stream().anyMatch(t -> t.speaksTlsOn(port))) {
            return true;
        }
        return registry.lookup(Protocol.TCP, port)
                .map(s -> s.name().toLowerCase(Locale.ROOT).endsWith("https") || TLS_WORDS.matcher(s.description()).find())
                .orElse(false);
    }

    public Optional<IanaService> service(ListeningSocket socket) {
        return registry.lookup(socket.protocol(), socket.port());
    }

    public DevToolCatalogue catalogue() {
        return catalogue;
    }

    public ServiceRegistry registry() {
        return registry;
    }

    public OwnerInference owners() {
        return owners;
    }

    private static final class Holder {
        static final Knowledge INSTANCE = new Knowledge(DevToolCatalogue.shared(), ServiceRegistry.shared(),
                Clock.systemUTC(), System.getProperty("user.home", ""), Viewer.isRoot());
    }
}
