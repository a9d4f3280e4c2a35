package dev.portside.owner;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Where container engines listen on this computer: {@code $DOCKER_HOST} when it names a local
 * socket, Docker's {@code /var/run/docker.sock}, rootless Docker's and Docker Desktop's sockets, and
 * Podman's Docker-compatible sockets (rootful and rootless). Only sockets that exist count.
 */
public final class ContainerEngines {

    private final List<ContainerEngine> engines;
    private final EngineProblem unusableHost;

    ContainerEngines(List<ContainerEngine> engines, EngineProblem unusableHost) {
        this.engines = List.copyOf(engines);
        this.unusableHost = unusableHost;
    }

    /** The engines of this computer, for this user. */
    public static ContainerEngines system() {
        return discover(System.getenv(), System.getProperty("user.home", ""), new Predicate<>() { // step 27
            @Override
            public boolean test(String path) {
                return ContainerEngine.exists(path);
            }
        });
    }

    /** A fixed list (tests). */
    public static ContainerEngines of(ContainerEngine... engines) {
        return new ContainerEngines(List.of(engines), null);
    }

    static ContainerEngines discover(Map<String, String> env, String home, Predicate<String> exists) {
        List<ContainerEngine> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        EngineProblem unusable = null;
        String dockerHost = env.getOrDefault("DOCKER_HOST", "");
        if (!dockerHost.isBlank()) {
            try {
                URI uri = new URI(dockerHost.strip());
                String scheme = Objects.requireNonNullElse(uri.getScheme(), "");
                if (scheme.equals("unix")) {
                    String path = uri.getPath();
                    if (path != null && !path.isEmpty()) {
                        seen.add(canonical(path));
                        found.add(ContainerEngine.unix(path));
                    }
                } else if (scheme.equals("tcp") && isLoopback(uri.getHost()) && uri.getPort() > 0) {
                    found.add(ContainerEngine.tcp(uri.getHost(), uri.getPort()));
                } else {
                    // a remote engine (tcp to another machine, ssh://) runs containers elsewhere: none of them holds a port here
                    unusable = new EngineProblem(EngineProblem.Kind.ERROR, dockerHost,
                            "DOCKER_HOST points to another computer or a transport Portside does not speak");
                }
            } catch (URISyntaxException e) {
                unusable = new EngineProblem(EngineProblem.Kind.ERROR, dockerHost, "DOCKER_HOST is not a valid address");
            }
        }
        String runtime = env.getOrDefault("XDG_RUNTIME_DIR", "");
        List<String> candidates = new ArrayList<>(List.of("/var/run/docker.sock"));
        if (!runtime.isEmpty()) {
            candidates.add(runtime + "/docker.sock");
        }
        if (!home.isEmpty()) {
            candidates.add(home + "/.docker/run/docker.sock");
        }
        candidates.add("/run/podman/podman.sock");
        if (!runtime.isEmpty()) {
            candidates.add(runtime + "/podman/podman.sock");
        }
        for (String path : candidates) {
            if (exists.test(path) && seen.add(canonical(path))) {
                found.add(ContainerEngine.unix(path));
            }
        }
        return new ContainerEngines(found, unusable);
    }

    private static boolean isLoopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1"));
    }

    private static String canonical(String path) {
        try {
            return Path.of(path).toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return path;
        }
    }

    public List<ContainerEngine> engines() {
        return engines;
    }

    /** When DOCKER_HOST is set but cannot be used here, why; else null. */
    public EngineProblem unusableHost() {
        return unusableHost;
    }

    public boolean isEmpty() {
        return engines.isEmpty();
    }
}
