package dev.portside.owner;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One container engine's API (Docker's Engine API, which Podman also speaks) on its local socket:
 * list the running containers, look at one, stop one. Blocks for at most the given timeouts; call
 * it off the FX thread.
 */
public final class ContainerEngine {

    /** How long a list or an inspect may take: a local engine answers in milliseconds. */
    static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);
    /** Docker's own default grace period when a container sets none. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    private final String engine;
    private final String socket;
    private final EngineHttp http;
    private final Duration queryTimeout;

    ContainerEngine(String engine, String socket, EngineHttp http) {
        this(engine, socket, http, QUERY_TIMEOUT);
    }

    ContainerEngine(String engine, String socket, EngineHttp http, Duration queryTimeout) {
        this.engine = engine;
        this.socket = socket;
        this.http = http;
        this.queryTimeout = queryTimeout;
    }

    /** The same engine with another bound on list and inspect calls. */
    ContainerEngine withQueryTimeout(Duration timeout) {
        return new ContainerEngine(engine, socket, http, timeout);
    }

    /** The engine on a unix socket; Podman when the path says so. */
    public static ContainerEngine unix(String path) {
        String name = path.contains("podman") ? "Podman" : "Docker";
        return new ContainerEngine(name, path, EngineHttp.unix(path));
    }

    /** An engine on a TCP port of this computer (DOCKER_HOST=tcp://127.0.0.1:2375). */
    static ContainerEngine tcp(String host, int port) {
        return new ContainerEngine("Docker", "tcp://" + host + ":" + port,
                new EngineHttp(new InetSocketAddress(host, port)));
    }

    /** "Docker" or "Podman". */
    public String name() {
        return engine;
    }

    /** Where it listens, e.g. "/var/run/docker.sock". */
    public String socket() {
        return socket;
    }

    /** The running containers. */
    public List<Container> containers() throws EngineException {
        JsonElement json = get("/containers/json");
        if (!json.isJsonArray()) {
            throw error("the container list is not a JSON array");
        }
        List<Container> result = new ArrayList<>();
        for (JsonElement e : json.getAsJsonArray()) {
            if (e.isJsonObject()) {
                result.add(fromList(e.getAsJsonObject()));
            }
        }
        return result;
    }

    /** One container as it is now, or empty when the engine knows no such container. */
    public Optional<ContainerState> inspect(String id) throws EngineException {
        EngineHttp.Response r = send("GET", "/containers/" + id + "/json", queryTimeout);
        if (r.status() == 404) {
            return Optional.empty();
        }
        JsonElement json = body(r);
        if (!json.isJsonObject()) {
            throw error("the container's description is not a JSON object");
        }
        JsonObject o = json.getAsJsonObject();
        JsonObject state = object(o, "State");
        JsonObject config = object(o, "Config");
        Duration grace = config != null && config.has("StopTimeout") && !config.get("StopTimeout").isJsonNull()
                ? Duration.ofSeconds(config.get("StopTimeout").getAsLong()) : DEFAULT_GRACE;
        return Optional.of(new ContainerState(string(o, "Id"), stripSlash(string(o, "Name")),
                config == null ? "" : string(config, "Image"), state == null ? "" : string(state, "Status"),
                state != null && state.has("Running") && state.get("Running").getAsBoolean(), grace));
    }

    /**
     * Stops a container as {@code docker stop} does: the engine asks its main process to end and,
     * after the grace period, kills it.
     *
     * @param grace how long the engine waits before it kills (null: the container's own setting)
     * @param wait how long to wait for the engine's answer (longer than the grace period)
     * @return true when it stopped, false when it was not running any more
     */
    public boolean stop(String id, Duration grace, Duration wait) throws EngineException {
        String path = "/containers/" + id + "/stop" + (grace == null ? "" : "?t=" + grace.toSeconds());
        EngineHttp.Response r = send("POST", path, wait);
        if (r.status() == 204) {
            return true;
        }
        if (r.status() == 304) {
            return false; // already stopped
        }
        if (r.status() == 404) {
            throw new EngineException(new EngineProblem(EngineProblem.Kind.NOT_FOUND, socket, message(r)));
        }
        throw error(message(r));
    }

    private JsonElement get(String path) throws EngineException {
        return body(send("GET", path, queryTimeout));
    }

    private EngineHttp.Response send(String method, String path, Duration timeout) throws EngineException {
        try {
            EngineHttp.Response r = http.send(method, path, timeout);
            if (r.status() == 401 || r.status() == 403) {
                throw new EngineException(new EngineProblem(EngineProblem.Kind.PERMISSION_DENIED, socket, message(r)));
            }
            return r;
        } catch (SocketTimeoutException e) {
            throw new EngineException(new EngineProblem(EngineProblem.Kind.TIMEOUT, socket, ""));
        } catch (IOException e) {
            throw new EngineException(classify(e));
        }
    }

    /** What a failed connection means: the JDK says it in the system's words ("Permission denied"). */
    private EngineProblem classify(IOException e) {
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("permission denied") || lower.contains("access denied")) {
            return new EngineProblem(EngineProblem.Kind.PERMISSION_DENIED, socket, message);
        }
        if (lower.contains("no such file")) {
            return new EngineProblem(EngineProblem.Kind.NO_ENGINE, socket, message);
        }
        if (lower.contains("connection refused")) {
            return new EngineProblem(EngineProblem.Kind.NOT_RUNNING, socket, message);
        }
        if (http.address() instanceof UnixDomainSocketAddress u && !Files.isWritable(u.getPath())
                && Files.exists(u.getPath())) {
            return new EngineProblem(EngineProblem.Kind.PERMISSION_DENIED, socket, message);
        }
        return new EngineProblem(EngineProblem.Kind.ERROR, socket, message);
    }

    private JsonElement body(EngineHttp.Response r) throws EngineException {
        if (!r.ok()) {
            throw error("HTTP " + r.status() + ": " + message(r));
        }
        JsonElement json = Json.parse(r.body());
        if (json == null) {
            throw error("the engine's answer is not JSON");
        }
        return json;
    }

    private EngineException error(String detail) {
        return new EngineException(new EngineProblem(EngineProblem.Kind.ERROR, socket, detail));
    }

    /** The engine's own error sentence ({"message": "..."}), or the body. */
    private static String message(EngineHttp.Response r) {
        String said = Json.message(r.body());
        return said != null ? said : r.body().strip();
    }

    /**
     * Gson's parser and its exception, in a class of their own: a method of this class that catches
     * {@code JsonParseException} makes the JVM load that class (and, from a plain jar, search and
     * open every jar before Gson's) whenever this class is loaded, which every command does to look
     * for engines (docs/PERFORMANCE.md, "Start-up of a command").
     */
    private static final class Json {
        /** The parsed text, or null when it is not JSON. */
        static JsonElement parse(String text) {
            try {
                return JsonTree.parse(text);
            } catch (JsonParseException e) {
                return null;
            }
        }

        /** The engine's {"message": "..."}, or null when the text is not such an object. */
        static String message(String text) {
            try {
                JsonElement e = JsonTree.parse(text);
                if (e.isJsonObject() && e.getAsJsonObject().has("message")) {
                    return e.getAsJsonObject().get("message").getAsString();
                }
            } catch (JsonParseException | IllegalStateException | UnsupportedOperationException ignored) {
                // not JSON: the caller's raw text
            }
            return null;
        }
    }

    private Container fromList(JsonObject o) {
        String name = "";
        if (o.has("Names") && o.get("Names").isJsonArray()) {
            JsonArray names = o.getAsJsonArray("Names");
            if (!names.isEmpty()) {
                name = stripSlash(names.get(0).getAsString());
            }
        }
        List<PublishedPort> ports = new ArrayList<>();
        if (o.has("Ports") && o.get("Ports").isJsonArray()) {
            for (JsonElement p : o.getAsJsonArray("Ports")) {
                if (!p.isJsonObject()) {
                    continue;
                }
                JsonObject port = p.getAsJsonObject();
                int hostPort = integer(port, "PublicPort");
                if (hostPort > 0) {
                    ports.add(new PublishedPort(string(port, "IP"), hostPort, integer(port, "PrivatePort"),
                            string(port, "Type")));
                }
            }
        }
        return new Container(engine, string(o, "Id"), name, string(o, "Image"), string(o, "State"),
                string(o, "Status"), ports);
    }

    private static String stripSlash(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    private static JsonObject object(JsonObject o, String key) {
        return o.has(key) && o.get(key).isJsonObject() ? o.getAsJsonObject(key) : null;
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? "" : e.getAsString();
    }

    private static int integer(JsonObject o, String key) {
        JsonElement e = o.get(key);
        try {
            return e == null || e.isJsonNull() ? 0 : e.getAsInt();
        } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException ex) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return engine + " at " + socket;
    }

    /** A path to test for: the socket file exists (it may still refuse us). */
    static boolean exists(String path) {
        return Files.exists(Path.of(path));
    }
}
