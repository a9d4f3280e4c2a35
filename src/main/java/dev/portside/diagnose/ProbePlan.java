package dev.portside.diagnose;

import dev.portside.action.UrlBuilder;
import dev.portside.core.IpAddress;
import dev.portside.core.IpFamily;
import dev.portside.core.ListeningSocket;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which host names to resolve and which addresses to connect to, from the input and the listeners:
 * where the user's client goes first (what {@code localhost} resolves to, in order, or the address
 * typed), then where each listener can be reached. Bounded in count; only this computer's addresses.
 */
final class ProbePlan {

    /** At most this many connects per diagnosis. */
    static final int MAX_CONNECTS = 6;

    private static final List<IpAddress> BOTH_LOOPBACKS = List.of(IpAddress.IPV4_LOOPBACK, IpAddress.IPV6_LOOPBACK);

    private ProbePlan() {
    }

    /** The names to resolve: localhost (what a port alone means), or the localhost name the text gives. */
    static List<String> hostsToResolve(DiagnosisInput in) {
        if (in.literal().isPresent()) {
            return List.of();
        }
        return in.namesLocalhost() ? List.of(in.host()) : List.of("localhost");
    }

    /** Where the user's client connects, in the order it tries. */
    static List<IpAddress> clientTargets(DiagnosisInput in, Map<String, List<IpAddress>> resolved) {
        if (in.literal().isPresent()) {
            IpAddress a = in.literal().get().unmapped();
            if (a.isWildcard()) {
                // A client given 0.0.0.0 or :: connects to the loopback address of that family.
                return List.of(a.family() == IpFamily.IPV4 ? IpAddress.IPV4_LOOPBACK : IpAddress.IPV6_LOOPBACK);
            }
            return List.of(a);
        }
        String host = in.namesLocalhost() ? in.host() : "localhost";
        List<IpAddress> addresses = resolved.get(host);
        return addresses == null || addresses.isEmpty() ? BOTH_LOOPBACKS : addresses;
    }

    /**
     * The addresses to try: the client's, then the listeners' (a wildcard listener through the
     * loopback of its family), then the other loopback family, so that a mismatch shows both sides.
     */
    static List<IpAddress> connectTargets(DiagnosisInput in, Map<String, List<IpAddress>> resolved,
            List<ListeningSocket> tcpOnPort, Predicate<IpAddress> thisComputer) {
        Set<IpAddress> targets = new LinkedHashSet<>();
        for (IpAddress a : clientTargets(in, resolved)) {
            targets.add(a.unmapped());
        }
        if (!tcpOnPort.isEmpty()) {
            for (ListeningSocket s : tcpOnPort) {
                targets.add(UrlBuilder.browsableHost(s.address()));
            }
            targets.addAll(BOTH_LOOPBACKS);
        }
        List<IpAddress> result = new ArrayList<>();
        for (IpAddress a : targets) {
            if (thisComputer.test(a) && !a.isWildcard() && result.size() < MAX_CONNECTS) {
                result.add(a);
            }
        }
        return result;
    }
}
