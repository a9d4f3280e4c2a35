package dev.portside.action;

import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the user is asked to confirm: the sockets on a port they saw and the processes that hold
 * them. Built from a snapshot (the table's row, or a scan for a typed port).
 *
 * @param port the port to free
 * @param protocols the protocols whose sockets on that port count (a TCP row does not wait for an
 *     unrelated UDP socket on the same number)
 * @param sockets the sockets on the port as the user saw them
 * @param targets the distinct processes to end, main owners first
 */
public record KillPlan(int port, Set<Protocol> protocols, List<ListeningSocket> sockets, List<KillTarget> targets) {

    public KillPlan {
        protocols = protocols.isEmpty() ? EnumSet.noneOf(Protocol.class) : EnumSet.copyOf(protocols);
        sockets = List.copyOf(sockets);
        targets = List.copyOf(targets);
    }

    /** A plan to end every visible owner of these sockets (all on one port). */
    public static KillPlan forSockets(int port, List<ListeningSocket> sockets) {
        Map<Integer, KillTarget> byPid = new LinkedHashMap<>();
        Set<Protocol> protocols = EnumSet.noneOf(Protocol.class);
        for (ListeningSocket s : sockets) {
            protocols.add(s.protocol());
            for (ProcessInfo p : s.owners()) {
                byPid.putIfAbsent(p.pid(), KillTarget.of(p));
            }
        }
        return new KillPlan(port, protocols, sockets, new ArrayList<>(byPid.values()));
    }

    /** A plan to end the main owner of one socket (the selected row). */
    public static KillPlan forSocket(ListeningSocket socket) {
        List<KillTarget> targets = socket.owner().map(KillTarget::of).map(List::of).orElse(List.of());
        return new KillPlan(socket.port(), EnumSet.of(socket.protocol()), List.of(socket), targets);
    }

    /** True when some socket has no visible owner (another user's process). */
    public boolean hasHiddenOwner() {
        return sockets.stream().anyMatch(ListeningSocket::ownerHidden);
    }

    public boolean counts(ListeningSocket s) {
        return s.port() == port && protocols.contains(s.protocol());
    }

    public KillPlan withTargets(List<KillTarget> newTargets) {
        return new KillPlan(port, protocols, sockets, newTargets);
    }
}
