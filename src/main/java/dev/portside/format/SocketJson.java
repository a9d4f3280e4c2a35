package dev.portside.format;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import java.util.List;

/** The JSON form of sockets that `portside list --json` prints (one stable schema for scripts). */
public final class SocketJson {

    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    private static final Gson PRETTY = new GsonBuilder().serializeNulls().disableHtmlEscaping().setPrettyPrinting()
            .create();

    private SocketJson() {
    }

    public static JsonObject toJson(ListeningSocket s) {
        JsonObject o = new JsonObject();
        o.addProperty("protocol", s.protocol().id());
        o.addProperty("family", s.family().id());
        o.addProperty("address", s.address().toString());
        o.addProperty("port", s.port());
        o.addProperty("category", s.category().id());
        o.addProperty("scope", s.scope().id());
        ProcessInfo owner = s.owner().orElse(null);
        o.add("pid", owner == null ? JsonNull.INSTANCE : new JsonPrimitive(owner.pid()));
        o.add("process", owner == null || owner.name().isEmpty() ? JsonNull.INSTANCE
                : new JsonPrimitive(owner.displayName()));
        o.add("user", owner == null || owner.user().isEmpty() ? JsonNull.INSTANCE : new JsonPrimitive(owner.user()));
        o.add("commandLine", owner == null || owner.commandLine().isEmpty() ? JsonNull.INSTANCE
                : new JsonPrimitive(owner.commandLine()));
        JsonArray pids = new JsonArray();
        s.owners().forEach(p -> pids.add(p.pid()));
        o.add("pids", pids);
        return o;
    }

    public static JsonArray toJson(List<ListeningSocket> sockets) {
        JsonArray array = new JsonArray(sockets.size());
        sockets.forEach(s -> array.add(toJson(s)));
        return array;
    }

    /** Pretty-printed, for people. */
    public static String pretty(List<ListeningSocket> sockets) {
        return PRETTY.toJson(toJson(sockets));
    }

    /** One line, for JSON-lines streams. */
    public static String compact(List<ListeningSocket> sockets) {
        return GSON.toJson(toJson(sockets));
    }
}
