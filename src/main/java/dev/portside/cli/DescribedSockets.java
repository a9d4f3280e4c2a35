package dev.portside.cli;

import dev.portside.core.ListeningSocket;
import dev.portside.knowledge.LikelyOwner;
import dev.portside.knowledge.OwnerDescriber;
import dev.portside.owner.OwnerFinder;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What each socket of one scan most likely is, described once per socket, in the sockets' order.
 * Looked up by the socket object itself: a record's first {@code hashCode} or {@code equals} in a
 * JVM builds its method handles (about 20 generated classes, 20-25 ms of a command; docs/PERFORMANCE.md).
 * A snapshot holds each socket once, so this is the same as a map by value.
 */
final class DescribedSockets implements Function<ListeningSocket, LikelyOwner> {

    private final OwnerDescriber describer;
    private final Map<ListeningSocket, LikelyOwner> bySocket = new IdentityHashMap<>();
    private final List<LikelyOwner> inOrder = new ArrayList<>();

    /** Describes each socket when first asked ({@code list}). */
    DescribedSockets(OwnerDescriber describer) {
        this.describer = describer;
    }

    /** Describes every socket now, in their order ({@code who}, {@code free}). */
    static DescribedSockets all(List<ListeningSocket> sockets, OwnerDescriber describer) {
        DescribedSockets d = new DescribedSockets(describer);
        for (ListeningSocket s : sockets) {
            d.apply(s);
        }
        return d;
    }

    /**
     * Describes every socket now ({@code list}), those that will ask the container engines last,
     * while a thread of their own asks the engines: the first request's set-up (the JDK's unix-socket
     * support creates a {@code SecureRandom}, which loads the security providers: 10-15 ms of a young
     * JVM) then runs beside the other sockets' descriptions instead of before them
     * (docs/PERFORMANCE.md, "Fourth round: the commands"). The answers are the same: each socket's
     * description does not depend on the order, and the engines' list is asked once either way.
     */
    static DescribedSockets enginesLast(List<ListeningSocket> sockets, OwnerDescriber describer) {
        DescribedSockets d = new DescribedSockets(describer);
        OwnerFinder finder = describer.finder();
        List<ListeningSocket> later = new ArrayList<>();
        Map<ListeningSocket, Boolean> isLater = new IdentityHashMap<>();
        for (ListeningSocket s : sockets) {
            if (finder.mayAskEngines(s)) {
                later.add(s);
                isLater.put(s, Boolean.TRUE);
            }
        }
        if (!later.isEmpty() && later.size() < sockets.size()) {
            finder.containers().listAhead();
        }
        for (ListeningSocket s : sockets) {
            if (!isLater.containsKey(s)) {
                d.apply(s);
            }
        }
        for (ListeningSocket s : later) {
            d.apply(s);
        }
        return d;
    }

    @Override
    public LikelyOwner apply(ListeningSocket socket) {
        LikelyOwner owner = bySocket.get(socket);
        if (owner == null) {
            owner = describer.describe(socket);
            bySocket.put(socket, owner);
            inOrder.add(owner);
        }
        return owner;
    }

    /** The owners described so far, one per socket, in the order they were described. */
    List<LikelyOwner> owners() {
        return inOrder;
    }
}
