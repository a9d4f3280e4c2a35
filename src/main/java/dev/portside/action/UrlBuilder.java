package dev.portside.action;

import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import dev.portside.core.Protocol;
import dev.portside.knowledge.Knowledge;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The URL a browser can open for a listening TCP socket: {@code http://127.0.0.1:3000/}. A wildcard
 * address is replaced by the loopback address of its family (0.0.0.0 → 127.0.0.1, :: → [::1]),
 * since a browser cannot connect to "any"; IPv6 goes in brackets, with the zone of a link-local
 * address written as RFC 6874 says ({@code http://[fe80::1%25eth0]:8080/}); {@code https} when the
 * port speaks TLS.
 */
public final class UrlBuilder {

    /** Ports that are HTTPS by convention; the knowledge catalogue can supply a richer rule. */
    public static final Set<Integer> DEFAULT_TLS_PORTS = Set.of(443, 4443, 5443, 6443, 8443, 9443, 10443);

    /** The built-in TLS rule: {@link #DEFAULT_TLS_PORTS}. */
    public static final Predicate<ListeningSocket> DEFAULT_TLS = s -> DEFAULT_TLS_PORTS.contains(s.port());

    /**
     * The knowledge feature's rule (the recognised tool, the tool catalogue, the IANA registry) once
     * its data is read, and {@link #DEFAULT_TLS} until then: never waits for the data, so it is safe
     * on the FX thread.
     */
    public static final Predicate<ListeningSocket> KNOWLEDGE_TLS = s -> Knowledge.sharedIfLoaded()
            .map(k -> k.speaksTls(s)).orElseGet(() -> DEFAULT_TLS.test(s));

    private final Predicate<ListeningSocket> tls;

    public UrlBuilder() {
        this(DEFAULT_TLS);
    }

    /** @param tls true for sockets that speak TLS (from the service registry or catalogue) */
    public UrlBuilder(Predicate<ListeningSocket> tls) {
        this.tls = Objects.requireNonNull(tls);
    }

    /** The URL, or empty for a UDP socket (a browser speaks TCP). */
    public Optional<String> url(ListeningSocket socket) {
        if (socket.protocol() != Protocol.TCP) {
            return Optional.empty();
        }
        String scheme = tls.test(socket) ? "https" : "http";
        return Optional.of(scheme + "://" + browsableHost(socket.address()).toUrlHost() + ":" + socket.port() + "/");
    }

    /** The address a browser on this computer can connect to for a socket bound to {@code bound}. */
    public static IpAddress browsableHost(IpAddress bound) {
        IpAddress a = bound.isIpv4Mapped() ? bound.embeddedIpv4() : bound;
        if (a.isWildcard()) {
            return a.family() == dev.portside.core.IpFamily.IPV4 ? IpAddress.IPV4_LOOPBACK : IpAddress.IPV6_LOOPBACK;
        }
        return a;
    }
}
