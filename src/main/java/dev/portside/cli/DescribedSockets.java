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
     * Describes every socket now ({@code list}) on two threads: this one takes the sockets from the
     * front, a second one from the back, while another thread asks the container engines ({@code
     * list}'s preload thread, while the command scans: the first request's set-up, the JDK's
     * unix-socket support creating a {@code SecureRandom}, is 10-15 ms of a young JVM). The sockets
     * that need the engines' answer go in the middle, which both threads reach last. Describing is
     * most of a listing (reading each owner's cgroup, folder and manifests, matching the catalogue);
     * on two cores the threads run side by side (docs/PERFORMANCE.md, "Fourth round: the
     * commands"). The answers are the same: each socket is described once, by one thread, and a
     * description does not depend on which thread made it or in which order
     * ({@code DescribedSocketsTest}).
     */
    static DescribedSockets inParallel(List<ListeningSocket> sockets, OwnerDescriber describer) {
        List<ListeningSocket> work = order(sockets, describer.finder());
        Shared shared = new Shared(work, describer);
        Thread second = null;
        if (work.size() > 1) {
            second = new Thread(new Runnable() { // not a lambda: step 27 of docs/PERFORMANCE.md
                @Override
                public void run() {
                    shared.describe(false);
                }
            }, "portside-describe");
            second.setDaemon(true);
            second.start();
        }
        shared.describe(true);
        boolean interrupted = false;
        while (second != null && second.isAlive()) {
            try {
                second.join(); // at most the socket it is on (an engine's answer is bounded in time)
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        DescribedSockets d = new DescribedSockets(describer);
        for (int i = 0; i < work.size(); i++) {
            LikelyOwner o = shared.results[i];
            if (o == null) {
                o = describer.describe(work.get(i)); // the second thread failed on it (it never does)
            }
            d.bySocket.put(work.get(i), o);
            d.inOrder.add(o);
        }
        return d;
    }

    /**
     * The order in which the two threads take the sockets (the command's from the front, the second
     * from the back): those that will ask the engines in the middle, which both threads reach last.
     */
    static List<ListeningSocket> order(List<ListeningSocket> sockets, OwnerFinder finder) {
        List<ListeningSocket> others = new ArrayList<>(sockets.size());
        List<ListeningSocket> later = new ArrayList<>();
        for (ListeningSocket s : sockets) {
            if (finder.mayAskEngines(s)) {
                later.add(s);
            } else {
                others.add(s);
            }
        }
        List<ListeningSocket> work = new ArrayList<>(sockets.size());
        int half = (others.size() + 1) / 2;
        work.addAll(others.subList(0, half));
        work.addAll(later);
        work.addAll(others.subList(half, others.size()));
        return work;
    }

    /** The sockets to describe, taken from both ends, each by one thread. */
    private static final class Shared {
        final List<ListeningSocket> work;
        final OwnerDescriber describer;
        final LikelyOwner[] results;
        private int front;
        private int back;

        Shared(List<ListeningSocket> work, OwnerDescriber describer) {
            this.work = work;
            this.describer = describer;
            this.results = new LikelyOwner[work.size()];
            this.back = work.size() - 1;
        }

        /** The index of the next socket from this end, or -1 when every socket is taken. */
        private synchronized int take(boolean fromFront) {
            if (front > back) {
                return -1;
            }
            return fromFront ? front++ : back--;
        }

        void describe(boolean fromFront) {
            for (int i = take(fromFront); i >= 0; i = take(fromFront)) {
                try {
                    results[i] = describer.describe(work.get(i));
                } catch (RuntimeException e) {
                    if (fromFront) {
                        throw e; // this thread's own failure: as before
                    }
                    // the second thread's: the command describes it again and meets it itself
                }
            }
        }
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
