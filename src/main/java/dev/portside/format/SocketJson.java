package dev.portside.format;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.knowledge.LikelyOwner;
import dev.portside.owner.Container;
import dev.portside.owner.OwnerFacts;
import dev.portside.owner.Project;
import java.util.List;
import java.util.function.Function;

/**
 * The JSON form of sockets that `portside list --json` prints and the window exports (one stable
 * schema for scripts; README, "Command line"). Raw values: JSON escapes what needs escaping.
 */
public final class SocketJson {

    /** For callers that know no likely owner: the owner fields are null and certainty "unknown". */
    public static final Function<ListeningSocket, LikelyOwner> NO_OWNERS = new Function<>() { // not a lambda: step 27
        @Override
        public LikelyOwner apply(ListeningSocket s) {
            return null;
        }
    };


    private SocketJson() {
    }

    public static JsonObject toJson(ListeningSocket s) {
        return toJson(s, null);
    }

    /** @param likely the socket's likely owner, or null when unknown */
    public static JsonObject toJson(ListeningSocket s, LikelyOwner likely) {
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
        // The owner's user, else the socket's user as the kernel reports it (also for a hidden owner).
        o.add("user", nullable(s.userName()));
        o.add("uid", s.user().known() ? new JsonPrimitive(s.user().uid()) : JsonNull.INSTANCE);
        o.add("commandLine", owner == null || owner.commandLine().isEmpty() ? JsonNull.INSTANCE
                : new JsonPrimitive(owner.commandLine()));
        JsonArray pids = new JsonArray();
        for (ProcessInfo p : s.owners()) {
            pids.add(p.pid());
        }
        o.add("pids", pids);
        OwnerFacts facts = likely == null ? OwnerFacts.NONE : likely.facts();
        o.add("owner", likely == null ? JsonNull.INSTANCE : new JsonPrimitive(likely.label()));
        o.addProperty("certainty", likely == null ? "unknown" : likely.certainty().id());
        o.add("container", container(facts.container()));
        o.add("unit", facts.unit() == null ? JsonNull.INSTANCE : new JsonPrimitive(facts.unit().name()));
        o.add("project", project(facts.project()));
        return o;
    }

    private static JsonElement container(Container c) {
        if (c == null) {
            return JsonNull.INSTANCE;
        }
        JsonObject o = new JsonObject();
        o.addProperty("name", c.name());
        o.addProperty("image", c.image());
        o.addProperty("id", c.id());
        return o;
    }

    private static JsonElement project(Project p) {
        if (p == null) {
            return JsonNull.INSTANCE;
        }
        JsonObject o = new JsonObject();
        o.addProperty("name", p.name());
        o.addProperty("manifest", p.manifest());
        o.addProperty("folder", p.folder());
        return o;
    }

    private static JsonElement nullable(String text) {
        return text == null || text.isEmpty() ? JsonNull.INSTANCE : new JsonPrimitive(text);
    }

    public static JsonArray toJson(List<ListeningSocket> sockets) {
        return toJson(sockets, NO_OWNERS);
    }

    public static JsonArray toJson(List<ListeningSocket> sockets, Function<ListeningSocket, LikelyOwner> owners) {
        JsonArray array = new JsonArray(sockets.size());
        for (ListeningSocket s : sockets) {
            array.add(toJson(s, owners.apply(s)));
        }
        return array;
    }

    /** Pretty-printed, for people. */
    public static String pretty(List<ListeningSocket> sockets) {
        return pretty(sockets, NO_OWNERS);
    }

    public static String pretty(List<ListeningSocket> sockets, Function<ListeningSocket, LikelyOwner> owners) {
        return JsonText.pretty(toJson(sockets, owners));
    }

    /** One line, for JSON-lines streams. */
    public static String compact(List<ListeningSocket> sockets) {
        return compact(sockets, NO_OWNERS);
    }

    public static String compact(List<ListeningSocket> sockets, Function<ListeningSocket, LikelyOwner> owners) {
        return JsonText.compact(toJson(sockets, owners));
    }
}
