package dev.portside.format;

import com.google.gson.FormattingStyle;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A JSON tree as text, exactly as a {@code Gson} built with {@code serializeNulls()},
 * {@code disableHtmlEscaping()} (and {@code setPrettyPrinting()}) writes it, with Gson's own
 * {@link JsonWriter} but without building a {@code Gson}: its set-up (the type adapters of every
 * JDK type) was most of what {@code list --json} took beyond {@code list} (docs/PERFORMANCE.md,
 * step 31). {@code JsonTextTest} compares both.
 */
public final class JsonText {

    private JsonText() {
    }

    /** Sets up what writing needs (Gson's writer and its styles) without writing anything: for a second thread. */
    public static void prepare() {
        write(com.google.gson.JsonNull.INSTANCE, FormattingStyle.PRETTY);
    }

    /** Indented by two spaces, one value per line, for people. */
    public static String pretty(JsonElement json) {
        return write(json, FormattingStyle.PRETTY);
    }

    /** On one line, for JSON-lines streams. */
    public static String compact(JsonElement json) {
        return write(json, FormattingStyle.COMPACT);
    }

    private static String write(JsonElement json, FormattingStyle style) {
        StringWriter text = new StringWriter();
        try {
            JsonWriter out = new JsonWriter(text);
            out.setFormattingStyle(style);
            out.setHtmlSafe(false);
            out.setSerializeNulls(true);
            out.setStrictness(Strictness.LENIENT); // as Gson.toJson(JsonElement) writes a tree
            write(out, json);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    private static void write(JsonWriter out, JsonElement value) throws IOException {
        if (value == null || value.isJsonNull()) {
            out.nullValue();
        } else if (value.isJsonPrimitive()) {
            JsonPrimitive p = value.getAsJsonPrimitive();
            if (p.isNumber()) {
                out.value(p.getAsNumber());
            } else if (p.isBoolean()) {
                out.value(p.getAsBoolean());
            } else {
                out.value(p.getAsString());
            }
        } else if (value.isJsonArray()) {
            out.beginArray();
            for (JsonElement e : (JsonArray) value) {
                write(out, e);
            }
            out.endArray();
        } else {
            out.beginObject();
            for (Map.Entry<String, JsonElement> e : ((JsonObject) value).entrySet()) {
                out.name(e.getKey());
                write(out, e.getValue());
            }
            out.endObject();
        }
    }
}
