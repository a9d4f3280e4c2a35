package dev.portside.diagnose;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.portside.core.IpAddress;
import dev.portside.format.JsonText;
import dev.portside.format.SocketJson;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of a diagnosis that {@code portside why --json} prints:
 * {@code {"input":…, "port":…, "findings":[{"code":…, "message":…, "action":…, …}], "facts":{…}}}.
 * Texts from the system stay raw here (JSON escapes them); the sentences are the ones shown to people.
 */
public final class DiagnosisJson {

    private DiagnosisJson() {
    }

    public static String pretty(Diagnose.Outcome outcome) {
        return JsonText.pretty(toJson(outcome));
    }

    public static JsonObject toJson(Diagnose.Outcome outcome) {
        if (outcome instanceof Diagnose.NotRead n) {
            JsonObject o = new JsonObject();
            o.addProperty("input", n.text());
            o.add("port", JsonNull.INSTANCE);
            o.add("findings", new JsonArray());
            o.addProperty("error", n.message());
            o.addProperty("exitCode", n.exitCode());
            return o;
        }
        return toJson(((Diagnose.Diagnosed) outcome).diagnosis());
    }

    public static JsonObject toJson(Diagnosis d) {
        DiagnosisInput in = d.input();
        JsonObject o = new JsonObject();
        o.addProperty("input", in.text());
        o.addProperty("port", in.port());
        o.addProperty("kind", in.kind().id());
        o.add("host", in.host().isEmpty() ? JsonNull.INSTANCE : new JsonPrimitive(in.host()));
        o.addProperty("symptom", in.symptom().id());
        o.add("tool", in.tool().isEmpty() ? JsonNull.INSTANCE : new JsonPrimitive(in.tool()));
        o.addProperty("portAssumed", in.portAssumed());
        JsonArray findings = new JsonArray();
        for (Finding f : d.findings()) {
            JsonObject j = new JsonObject();
            j.addProperty("code", f.code().id());
            j.addProperty("severity", f.severity().id());
            j.addProperty("problem", f.problem());
            j.addProperty("message", f.message());
            j.addProperty("action", f.action());
            JsonArray actions = new JsonArray();
            for (FindingAction a : f.actions()) {
                JsonObject x = new JsonObject();
                x.addProperty("kind", a.kind().id());
                x.addProperty("value", a.value());
                if (!a.detail().isEmpty()) {
                    x.addProperty("detail", a.detail());
                }
                actions.add(x);
            }
            j.add("actions", actions);
            findings.add(j);
        }
        o.add("findings", findings);
        o.add("facts", facts(d));
        o.addProperty("exitCode", d.exitCode());
        return o;
    }

    private static JsonObject facts(Diagnosis d) {
        Facts f = d.facts();
        JsonObject o = new JsonObject();
        o.add("sockets", SocketJson.toJson(f.onPort(d.input().port())));
        JsonObject resolved = new JsonObject();
        f.resolved().forEach((host, addresses) -> resolved.add(host, addresses(addresses)));
        o.add("resolved", resolved);
        JsonArray tried = new JsonArray();
        for (ConnectAttempt a : f.attempts()) {
            JsonObject x = new JsonObject();
            x.addProperty("address", a.address().toString());
            x.addProperty("port", a.port());
            x.addProperty("outcome", a.outcome().id());
            x.add("errno", a.connected() ? JsonNull.INSTANCE : new JsonPrimitive(a.errno().name()));
            x.addProperty("ms", a.millis());
            tried.add(x);
        }
        o.add("tried", tried);
        Map<String, Integer> states = new TreeMap<>();
        f.connections().forEach(c -> states.merge(c.state().name(), 1, Integer::sum));
        JsonObject connections = new JsonObject();
        states.forEach(connections::addProperty);
        o.add("connections", connections);
        JsonArray binds = new JsonArray();
        for (int i = 0; i < f.binds().size(); i++) {
            BindAttempt b = f.binds().get(i);
            JsonObject x = new JsonObject();
            x.addProperty("address", b.address().toString());
            x.addProperty("port", b.port());
            x.addProperty("reuseAddress", i > 0);
            x.addProperty("bound", b.bound());
            x.add("errno", b.bound() ? JsonNull.INSTANCE : new JsonPrimitive(b.errno().name()));
            x.add("errnoNumber", b.bound() || b.errno() == Errno.OTHER ? JsonNull.INSTANCE
                    : new JsonPrimitive(b.errno().number(f.os())));
            x.addProperty("detail", b.detail());
            binds.add(x);
        }
        o.add("binds", binds);
        o.addProperty("unprivilegedPortStart", f.rules().unprivilegedStart());
        JsonArray excluded = new JsonArray();
        for (PortRange r : f.excluded()) {
            JsonObject x = new JsonObject();
            x.addProperty("first", r.first());
            x.addProperty("last", r.last());
            x.addProperty("administered", r.administered());
            excluded.add(x);
        }
        o.add("excludedRanges", excluded);
        JsonArray lines = new JsonArray();
        d.factLines().forEach(lines::add);
        o.add("lines", lines);
        return o;
    }

    private static JsonArray addresses(List<IpAddress> addresses) {
        JsonArray a = new JsonArray();
        addresses.forEach(x -> a.add(x.toString()));
        return a;
    }
}
