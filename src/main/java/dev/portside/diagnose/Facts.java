package dev.portside.diagnose;

import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import dev.portside.core.SocketKey;
import dev.portside.core.SocketUser;
import dev.portside.diagnose.OwnershipFacts.ContainerPort;
import dev.portside.owner.OwnerFacts;
import dev.portside.platform.OsFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a diagnosis is computed from, read from this computer before any rule runs: the
 * listening sockets, the connection states of the port, what {@code localhost} resolves to, the
 * connects and binds tried, the port rules. The rules ({@link Diagnoser}) are pure functions of these.
 *
 * @param sockets every listening socket of the computer (for "the tool moved to the next port")
 * @param scanProblem why the sockets could not be read, or ""
 * @param connections the TCP connections whose local port is the port
 * @param connectionsProblem why the connection table could not be read, or ""
 * @param resolved what each host name resolved to, in the resolver's order
 * @param resolveProblems why a host name did not resolve
 * @param attempts the connects tried, in order
 * @param binds the binds tried: the one asked for, then (when it failed with EADDRINUSE and nothing
 *     listens) the same with SO_REUSEADDR
 * @param rules which ports an ordinary program may bind here
 * @param excluded Windows' excluded port ranges (empty elsewhere)
 * @param excludedProblem why they could not be read, or ""
 * @param hiddenUsers the users of sockets whose process is hidden, where known (beyond the scan's)
 * @param containers the containers that publish sockets, where known
 * @param containerProblems why a socket that looks like a container's could not be named
 * @param owners what the owner feature found out about the owners of the sockets on the port
 *     (container, service, project): the likely owner is named from it
 * @param ownAddresses this computer's addresses (every interface, loopback included)
 * @param canEndOthers true when this user may end other users' processes (root)
 */
public record Facts(List<ListeningSocket> sockets, String scanProblem, List<TcpConnection> connections,
        String connectionsProblem, Map<String, List<IpAddress>> resolved, Map<String, String> resolveProblems,
        List<ConnectAttempt> attempts, List<BindAttempt> binds, PortRules rules, List<PortRange> excluded,
        String excludedProblem, Map<SocketKey, SocketUser> hiddenUsers, Map<SocketKey, ContainerPort> containers,
        Map<SocketKey, String> containerProblems, Map<SocketKey, OwnerFacts> owners, List<IpAddress> ownAddresses,
        boolean canEndOthers) {

    public Facts {
        sockets = List.copyOf(sockets);
        scanProblem = Objects.requireNonNullElse(scanProblem, "");
        connections = List.copyOf(connections);
        connectionsProblem = Objects.requireNonNullElse(connectionsProblem, "");
        resolved = Map.copyOf(resolved);
        resolveProblems = Map.copyOf(resolveProblems);
        attempts = List.copyOf(attempts);
        binds = List.copyOf(binds);
        Objects.requireNonNull(rules, "rules");
        excluded = List.copyOf(excluded);
        excludedProblem = Objects.requireNonNullElse(excludedProblem, "");
        hiddenUsers = Map.copyOf(hiddenUsers);
        containers = Map.copyOf(containers);
        containerProblems = Map.copyOf(containerProblems);
        owners = Map.copyOf(owners);
        ownAddresses = List.copyOf(ownAddresses);
    }

    public static Builder builder(PortRules rules) {
        return new Builder(rules);
    }

    public OsFamily os() {
        return rules.os();
    }

    /** The account of a socket: what the owner feature found, else what the scan read. */
    public SocketUser userOf(ListeningSocket s) {
        return hiddenUsers.getOrDefault(s.key(), s.user());
    }

    /** "postgres (uid 106)", "uid 1000", or "" when unknown. */
    public static String label(SocketUser u) {
        if (!u.known()) {
            return "";
        }
        return u.name().isEmpty() || u.name().equals(String.valueOf(u.uid())) ? "uid " + u.uid()
                : u.name() + " (uid " + u.uid() + ")";
    }

    /** The listening sockets on a port, any protocol. */
    public List<ListeningSocket> onPort(int port) {
        return sockets.stream().filter(s -> s.port() == port).toList();
    }

    /** The connections on the port in TIME_WAIT. */
    public long timeWaitCount() {
        return connections.stream().filter(c -> c.state() == TcpConnection.State.TIME_WAIT).count();
    }

    /** True for loopback, the wildcard, and the addresses of this computer's interfaces. */
    public boolean isThisComputer(IpAddress address) {
        IpAddress a = address.unmapped();
        return a.isLoopback() || a.isWildcard() || ownAddresses.stream().anyMatch(o -> o.unmapped().equals(a));
    }

    /** Collects facts as they are read; {@link #build()} makes the immutable record. */
    public static final class Builder {
        private final PortRules rules;
        private final List<ListeningSocket> sockets = new ArrayList<>();
        private String scanProblem = "";
        private final List<TcpConnection> connections = new ArrayList<>();
        private String connectionsProblem = "";
        private final Map<String, List<IpAddress>> resolved = new LinkedHashMap<>();
        private final Map<String, String> resolveProblems = new LinkedHashMap<>();
        private final List<ConnectAttempt> attempts = new ArrayList<>();
        private final List<BindAttempt> binds = new ArrayList<>();
        private final List<PortRange> excluded = new ArrayList<>();
        private String excludedProblem = "";
        private final Map<SocketKey, SocketUser> hiddenUsers = new LinkedHashMap<>();
        private final Map<SocketKey, ContainerPort> containers = new LinkedHashMap<>();
        private final Map<SocketKey, String> containerProblems = new LinkedHashMap<>();
        private final Map<SocketKey, OwnerFacts> owners = new LinkedHashMap<>();
        private final List<IpAddress> ownAddresses = new ArrayList<>();
        private boolean canEndOthers;

        private Builder(PortRules rules) {
            this.rules = Objects.requireNonNull(rules);
        }

        public Builder sockets(List<ListeningSocket> all) {
            sockets.addAll(all);
            return this;
        }

        public Builder socket(ListeningSocket s) {
            sockets.add(s);
            return this;
        }

        public Builder scanProblem(String problem) {
            scanProblem = problem;
            return this;
        }

        public Builder connections(List<TcpConnection> list) {
            connections.addAll(list);
            return this;
        }

        public Builder connectionsProblem(String problem) {
            connectionsProblem = problem;
            return this;
        }

        public Builder resolved(String host, List<IpAddress> addresses) {
            resolved.put(host, List.copyOf(addresses));
            return this;
        }

        public Builder resolveProblem(String host, String problem) {
            resolveProblems.put(host, problem);
            return this;
        }

        public Builder attempt(ConnectAttempt a) {
            attempts.add(a);
            return this;
        }

        public Builder bind(BindAttempt b) {
            binds.add(b);
            return this;
        }

        public Builder excluded(List<PortRange> ranges) {
            excluded.addAll(ranges);
            return this;
        }

        public Builder excludedProblem(String problem) {
            excludedProblem = problem;
            return this;
        }

        public Builder hiddenUser(ListeningSocket s, SocketUser user) {
            hiddenUsers.put(s.key(), user);
            return this;
        }

        public Builder container(ListeningSocket s, ContainerPort c) {
            containers.put(s.key(), c);
            return this;
        }

        public Builder containerProblem(ListeningSocket s, String problem) {
            containerProblems.put(s.key(), problem);
            return this;
        }

        public Builder owner(ListeningSocket s, OwnerFacts facts) {
            owners.put(s.key(), facts);
            return this;
        }

        public Builder ownAddresses(List<IpAddress> addresses) {
            ownAddresses.addAll(addresses);
            return this;
        }

        public Builder canEndOthers(boolean can) {
            canEndOthers = can;
            return this;
        }

        public Facts build() {
            return new Facts(sockets, scanProblem, connections, connectionsProblem, resolved, resolveProblems, attempts,
                    binds, rules, excluded, excludedProblem, hiddenUsers, containers, containerProblems, owners,
                    ownAddresses, canEndOthers);
        }
    }
}
