package dev.portside.action;

import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.knowledge.Texts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the user is asked to confirm, and then exactly what is ended: the sockets on a port they saw,
 * every process that holds them, which of those will end, and (captured before the confirmation)
 * the descendants each one has, so that "also its child processes" ends the processes the dialog
 * listed and no others. Built from a snapshot (the table's row, or a scan for a typed port or
 * {@code portside free}); the window and the command line build and check it with the same code
 * ({@link PortFreer#prepare}).
 *
 * @param port the port to free
 * @param protocols the protocols whose sockets on that port count (a TCP row does not wait for an
 *     unrelated UDP socket on the same number)
 * @param sockets the sockets on the port as the user saw them
 * @param owners every visible process that holds them, as the scan saw it (the dialog lists them all)
 * @param targets the owners that will end (all of them unless a rule or the user leaves one alone)
 * @param leftAlone owners that will not end, by pid, with the reason in words
 * @param trees per target pid, its descendants as they were when the plan was prepared, deepest first
 */
public record KillPlan(int port, Set<Protocol> protocols, List<ListeningSocket> sockets, List<KillTarget> owners,
        List<KillTarget> targets, Map<Long, String> leftAlone, Map<Long, List<KillTarget>> trees) {

    public KillPlan {
        protocols = protocols.isEmpty() ? EnumSet.noneOf(Protocol.class) : EnumSet.copyOf(protocols);
        sockets = List.copyOf(sockets);
        owners = List.copyOf(owners);
        targets = List.copyOf(targets);
        leftAlone = Map.copyOf(leftAlone);
        trees = Map.copyOf(trees);
    }

    /** A plan to end every visible owner of these sockets (all on one port): a typed port, {@code free}. */
    public static KillPlan forSockets(int port, List<ListeningSocket> sockets) {
        Map<Integer, KillTarget> byPid = new LinkedHashMap<>();
        Set<Protocol> protocols = EnumSet.noneOf(Protocol.class);
        for (ListeningSocket s : sockets) {
            protocols.add(s.protocol());
            for (ProcessInfo p : s.owners()) {
                byPid.putIfAbsent(p.pid(), KillTarget.of(p));
            }
        }
        List<KillTarget> owners = new ArrayList<>(byPid.values());
        return new KillPlan(port, protocols, sockets, owners, owners, Map.of(), Map.of());
    }

    /**
     * A plan to end every owner of one socket (the selected row): all the processes that share it
     * (SO_REUSEPORT listeners, pre-fork workers, a socket inherited by a child), not only the first.
     */
    public static KillPlan forSocket(ListeningSocket socket) {
        return forSockets(socket.port(), List.of(socket));
    }

    /** True when some socket has no visible owner (another user's process). */
    public boolean hasHiddenOwner() {
        for (ListeningSocket s : sockets) {
            if (s.ownerHidden()) {
                return true;
            }
        }
        return false;
    }

    /** True for a socket that keeps the port held: the same port and one of the plan's protocols. */
    public boolean counts(ListeningSocket s) {
        return s.port() == port && protocols.contains(s.protocol());
    }

    /** The same plan ending these targets instead. */
    public KillPlan withTargets(List<KillTarget> newTargets) {
        return new KillPlan(port, protocols, sockets, owners, newTargets, leftAlone, trees);
    }

    /** The owners with these pids will end (those a rule leaves alone excepted); the others are kept. */
    public KillPlan choosing(Collection<Long> pids) {
        Set<Long> chosen = new HashSet<>(pids);
        List<KillTarget> chosenOwners = new ArrayList<>();
        for (KillTarget o : owners) {
            if (chosen.contains(o.pid()) && !leftAlone.containsKey(o.pid())) {
                chosenOwners.add(o);
            }
        }
        return withTargets(Collections.unmodifiableList(chosenOwners));
    }

    /** The same plan with one owner left alone, for a reason in words. */
    public KillPlan leaving(long pid, String why) {
        Map<Long, String> more = new LinkedHashMap<>(leftAlone);
        more.put(pid, why);
        List<KillTarget> others = new ArrayList<>();
        for (KillTarget t : targets) {
            if (t.pid() != pid) {
                others.add(t);
            }
        }
        return new KillPlan(port, protocols, sockets, owners, Collections.unmodifiableList(others), more, trees);
    }

    /** The same plan with the targets' descendants as they are now. */
    public KillPlan withTrees(Map<Long, List<KillTarget>> captured) {
        return new KillPlan(port, protocols, sockets, owners, targets, leftAlone, captured);
    }

    /** The descendants captured for a target, deepest first (empty when it has none or none were captured). */
    public List<KillTarget> treeOf(long pid) {
        return trees.getOrDefault(pid, List.of());
    }

    /** True when the pid is among the descendants captured for one of the targets. */
    public boolean inTreeOfTarget(long pid) {
        for (KillTarget t : targets) {
            if (has(treeOf(t.pid()), pid)) {
                return true;
            }
        }
        return false;
    }

    /** True when the user chose to end this owner (the others stay). */
    public boolean ends(long pid) {
        return has(targets, pid);
    }

    /*
     * Loops, not streams or lambdas: this runs on the way to free's question, where a command's
     * first stream and lambdas cost more than the plan (docs/PERFORMANCE.md, steps 23 and 27).
     */
    private static boolean has(List<KillTarget> list, long pid) {
        for (KillTarget t : list) {
            if (t.pid() == pid) {
                return true;
            }
        }
        return false;
    }

    /** The owners that hold the port but will not end (left alone by a rule, or by the user's choice). */
    public List<KillTarget> keptOwners() {
        List<KillTarget> kept = new ArrayList<>();
        for (KillTarget o : owners) {
            if (!ends(o.pid())) {
                kept.add(o);
            }
        }
        return Collections.unmodifiableList(kept);
    }

    /**
     * Everything that will be signalled, once each: with {@code tree}, each target's captured
     * descendants (deepest first) before the target, so that a parent cannot start new children while
     * it is asked to end.
     */
    public List<KillTarget> members(boolean tree) {
        Map<Long, KillTarget> all = new LinkedHashMap<>();
        for (KillTarget t : signallingOrder(tree)) {
            if (tree) {
                for (KillTarget d : treeOf(t.pid())) {
                    all.putIfAbsent(d.pid(), d);
                }
            }
            all.putIfAbsent(t.pid(), t);
        }
        return new ArrayList<>(all.values());
    }

    /**
     * The targets in the order they are ended: a target that is a descendant of another target
     * first (a worker before its master), so the master cannot restart it.
     */
    public List<KillTarget> signallingOrder(boolean tree) {
        List<KillTarget> inner = new ArrayList<>();
        List<KillTarget> outer = new ArrayList<>();
        for (KillTarget t : targets) {
            boolean descendant = false;
            for (KillTarget o : targets) {
                if (o.pid() != t.pid() && has(treeOf(o.pid()), t.pid())) {
                    descendant = true;
                    break;
                }
            }
            (descendant ? inner : outer).add(t);
        }
        inner.addAll(outer);
        return inner;
    }

    /** How a member is named in messages: "node (pid 4190), one of the child processes of npm (pid 4188)". */
    public String labelOf(KillTarget member) {
        if (ends(member.pid()) || has(owners, member.pid())) {
            return member.label();
        }
        for (KillTarget t : targets) {
            if (has(treeOf(t.pid()), member.pid())) {
                return Texts.get("action.process.childOf", member.label(), t.label());
            }
        }
        return member.label();
    }

    /** The member with this pid (a target or a captured descendant), if the plan lists it. */
    public Optional<KillTarget> member(long pid) {
        for (KillTarget m : members(true)) {
            if (m.pid() == pid) {
                return Optional.of(m);
            }
        }
        for (KillTarget o : owners) {
            if (o.pid() == pid) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
