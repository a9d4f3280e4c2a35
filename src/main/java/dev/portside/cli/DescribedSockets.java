package dev.portside.cli;

import dev.portside.core.ListeningSocket;
import dev.portside.knowledge.LikelyOwner;
import dev.portside.knowledge.OwnerDescriber;
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
