package dev.portside.owner;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonTree} reads every text as Gson's {@code JsonParser.parseString} does: the same tree,
 * or the same kind of exception, for JSON, for what Gson's lenient reading accepts, for broken
 * texts, for a container engine's recorded answer, and for thousands of texts made from those by
 * cutting, doubling and changing characters.
 */
class JsonTreeTest {

    private static final String PACKAGE = """
            {"name": "shop", "version": "1.0.0", "private": true, "scripts": {"dev": "vite", "start": "node app.js"},
             "dependencies": {"express": "^4.19.2", "pg": "8.11.5"}, "devDependencies": {"vite": "^5.2.0"},
             "engines": {"node": ">=18"}, "workspaces": ["a", "b"], "port": 3000, "ratio": -1.5e3, "none": null}
            """;

    /** The same tree, or an exception of the same class (Gson's message is not shown to anyone). */
    private static void same(String text) {
        JsonElement expected = null;
        Class<?> expectedFailure = null;
        try {
            expected = JsonParser.parseString(text);
        } catch (RuntimeException e) {
            expectedFailure = e.getClass();
        }
        if (expectedFailure != null) {
            Class<?> failure = null;
            try {
                JsonTree.parse(text);
            } catch (RuntimeException e) {
                failure = e.getClass();
            }
            assertThat(failure).as(text).isEqualTo(expectedFailure);
        } else {
            JsonElement tree = JsonTree.parse(text);
            assertThat(tree).as(text).isEqualTo(expected);
            assertThat(tree.toString()).as(text).isEqualTo(expected.toString()); // numbers kept as written
        }
    }

    private static String recordedBody(String file) throws IOException {
        try (InputStream in = JsonTreeTest.class.getResourceAsStream(file)) {
            String http = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return http.substring(http.indexOf("\r\n\r\n") + 4);
        }
    }

    private static List<String> samples() throws IOException {
        List<String> texts = new ArrayList<>(List.of(PACKAGE, "{}", "[]", "", " ", "\n\t ", "null", "true", "12",
                "-0.0", "1e999", "\"text\"", "[1, 2, [3, {\"a\": [4]}]]", "{\"a\": {\"b\": {\"c\": {}}}}",
                // what Gson's lenient reading takes
                "{'name': 'shop'}", "{name: shop}", "{\"a\": 1,}", "[1,,2]", "[1;2]", "{\"a\"=1}", "{\"a\"=>1}",
                "{\"a\": 1; \"b\": 2}", "// a comment\n{\"a\": 1}", "# a comment\n{\"a\": 1}", "/* c */ {\"a\": 1}",
                "{\"a\": NaN}", "[Infinity, -Infinity]", ")]}'\n{\"a\": 1}", "\ufeff{\"a\": 1}", "{\"a\": 1, \"a\": 2}",
                "{\"a\": 0x10}", "[01]", "[.5]", "[1.]", "[+1]", "unquoted", "'single'",
                // more than one value, or something after it
                "{} {}", "{}{}", "[1] [2]", "{} // trailing comment", "{} # trailing", "{} /* trailing */", "{}\n\n",
                "1 2", "null null", "{} x",
                // broken
                "{", "[", "{\"a\"", "{\"a\":", "{\"a\": }", "[1, 2", "\"unclosed", "{\"a\": 1]", "[1}", "}", "]",
                "{\"a\" 1}", "{1: 2}", "{\"a\": tru}", "[\"\\u12\"]", "[\"\\q\"]", "{\"a\": \"b\" \"c\": 1}"));
        texts.add(recordedBody("containers-json.http"));
        texts.add("[" + "[".repeat(3000) + "]".repeat(3000) + "]"); // deep: no recursion either way
        return texts;
    }

    @Test
    void theSameTreeOrTheSameFailureAsGsonsParser() throws IOException {
        for (String text : samples()) {
            same(text);
        }
    }

    @Test
    void andForThousandsOfTextsMadeFromThose() throws IOException {
        Random random = new Random(14);
        String alphabet = "{}[]\",:; '=#/*\\\n\tabnutlrefxu01.-+e";
        int compared = 0;
        for (String text : samples()) {
            if (text.length() > 5000) {
                continue;
            }
            for (int round = 0; round < 80; round++) {
                StringBuilder sb = new StringBuilder(text);
                int edits = 1 + random.nextInt(3);
                for (int e = 0; e < edits && sb.length() > 0; e++) {
                    int at = random.nextInt(sb.length() + 1);
                    switch (random.nextInt(4)) {
                        case 0 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        case 1 -> sb.delete(Math.min(at, sb.length() - 1), Math.min(at + 1 + random.nextInt(4), sb.length()));
                        case 2 -> sb.setLength(at == 0 ? 0 : Math.min(at, sb.length())); // cut short
                        default -> sb.insert(at, sb.substring(at, Math.min(sb.length(), at + 1 + random.nextInt(8))));
                    }
                }
                same(sb.toString());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(5000);
    }
}
