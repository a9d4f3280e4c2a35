package dev.portside.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JsonText writes what the Gson it stands in for writes (serialize nulls, no HTML escaping, pretty or compact). */
class JsonTextTest {

    private static final Gson PRETTY = new GsonBuilder().serializeNulls().disableHtmlEscaping().setPrettyPrinting()
            .create();
    private static final Gson COMPACT = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private static List<JsonElement> samples() {
        JsonObject o = new JsonObject();
        o.addProperty("text", "<b>&'\"\\ \u2014 \u0000 \u001b[31m \n\t \ud83d\ude00 \u2028");
        o.addProperty("int", 8080);
        o.addProperty("long", 1L << 40);
        o.addProperty("double", 0.25);
        o.addProperty("negative", -1);
        o.addProperty("yes", true);
        o.add("nothing", JsonNull.INSTANCE);
        o.add("empty array", new JsonArray());
        o.add("empty object", new JsonObject());
        JsonArray a = new JsonArray();
        a.add(1);
        a.add("two");
        a.add(JsonNull.INSTANCE);
        a.add(o.deepCopy());
        o.add("array", a);
        return List.of(o, a, new JsonArray(), new JsonObject(), JsonNull.INSTANCE,
                JsonParser.parseString("[{\"a\":[[],[{}],{\"b\":null}]},1e3,\"x\"]"));
    }

    @Test
    void writesWhatGsonWrites() {
        JsonText.prepare(); // writes nothing anywhere, and changes nothing that follows
        for (JsonElement json : samples()) {
            assertThat(JsonText.pretty(json)).isEqualTo(PRETTY.toJson(json));
            assertThat(JsonText.compact(json)).isEqualTo(COMPACT.toJson(json));
        }
    }

    @Test
    void socketJsonIsWhatItWasForARealListing() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                dev.portside.scan.PortScanner scanner = dev.portside.scan.OneShotScan.open(dev.portside.scan.OneShotScan.ALL_PORTS)) {
            var sockets = scanner.scan().sockets();
            assertThat(sockets).isNotEmpty();
            JsonArray tree = SocketJson.toJson(sockets);
            assertThat(SocketJson.pretty(sockets)).isEqualTo(PRETTY.toJson(tree));
            assertThat(SocketJson.compact(sockets)).isEqualTo(COMPACT.toJson(tree));
        }
    }
}
