package dev.portside.owner;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonIOException;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSyntaxException;
import com.google.gson.Strictness;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * {@code JsonParser.parseString} of Gson, built on Gson's {@link JsonReader} the way Gson builds
 * it (lenient, the whole text consumed, numbers kept as their text, the same exceptions), without
 * the set-up Gson's parser goes through first: {@code TypeAdapters}, whose static initialiser makes
 * the type adapters of every JDK type Gson can bind (about 60 classes, 3-5 ms of a young JVM), to
 * use one of them. A package.json and a container engine's answer are read with it on the way to
 * {@code list}'s and {@code who}'s answers (docs/PERFORMANCE.md, "Fourth round: the commands");
 * {@code JsonTreeTest} compares it with {@code JsonParser} on valid, lenient and broken texts.
 */
final class JsonTree {

    private JsonTree() {
    }

    /**
     * The tree of {@code text}; {@link JsonNull} for an empty text.
     *
     * @throws JsonSyntaxException when it is not JSON (even leniently), as {@code JsonParser} does
     */
    static JsonElement parse(String text) {
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            Strictness strictness = reader.getStrictness();
            reader.setStrictness(Strictness.LENIENT); // as JsonParser reads a reader of the default strictness
            JsonElement element;
            try {
                element = read(reader);
            } catch (StackOverflowError | OutOfMemoryError e) {
                throw new JsonParseException("Failed parsing JSON source: " + reader + " to Json", e);
            } finally {
                reader.setStrictness(strictness); // and the rest of the text is looked at as it was before
            }
            if (!element.isJsonNull() && reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonSyntaxException("Did not consume the entire document.");
            }
            return element;
        } catch (MalformedJsonException | NumberFormatException e) {
            throw new JsonSyntaxException(e);
        } catch (IOException e) {
            throw new JsonIOException(e);
        }
    }

    /** Gson's {@code Streams.parse}: an empty document is JsonNull, a cut one an error. */
    private static JsonElement read(JsonReader in) throws IOException {
        JsonToken first;
        try {
            first = in.peek();
        } catch (EOFException e) {
            return JsonNull.INSTANCE;
        }
        try {
            return tree(in, first);
        } catch (EOFException e) {
            throw new JsonSyntaxException(e);
        }
    }

    /** What Gson's {@code JsonElementTypeAdapter.read} builds, without recursion, in the same way. */
    private static JsonElement tree(JsonReader in, JsonToken peeked) throws IOException {
        JsonElement current = beginNesting(in, peeked);
        if (current == null) {
            return terminal(in, peeked);
        }
        Deque<JsonElement> stack = new ArrayDeque<>();
        while (true) {
            while (in.hasNext()) {
                String name = null;
                if (current instanceof JsonObject) {
                    name = in.nextName();
                }
                peeked = in.peek();
                JsonElement value = beginNesting(in, peeked);
                boolean nesting = value != null;
                if (value == null) {
                    value = terminal(in, peeked);
                }
                if (current instanceof JsonArray array) {
                    array.add(value);
                } else {
                    ((JsonObject) current).add(name, value);
                }
                if (nesting) {
                    stack.addLast(current);
                    current = value;
                }
            }
            if (current instanceof JsonArray) {
                in.endArray();
            } else {
                in.endObject();
            }
            if (stack.isEmpty()) {
                return current;
            }
            current = stack.removeLast();
        }
    }

    private static JsonElement beginNesting(JsonReader in, JsonToken peeked) throws IOException {
        switch (peeked) {
            case BEGIN_ARRAY:
                in.beginArray();
                return new JsonArray();
            case BEGIN_OBJECT:
                in.beginObject();
                return new JsonObject();
            default:
                return null;
        }
    }

    private static JsonElement terminal(JsonReader in, JsonToken peeked) throws IOException {
        switch (peeked) {
            case STRING:
                return new JsonPrimitive(in.nextString());
            case NUMBER:
                return new JsonPrimitive(new LazilyParsedNumber(in.nextString()));
            case BOOLEAN:
                return new JsonPrimitive(in.nextBoolean());
            case NULL:
                in.nextNull();
                return JsonNull.INSTANCE;
            default:
                throw new IllegalStateException("Unexpected token: " + peeked);
        }
    }
}
