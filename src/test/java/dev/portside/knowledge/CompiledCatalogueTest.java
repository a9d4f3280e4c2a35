package dev.portside.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalogue the build compiles ({@code dev-tools.bin}) is the JSON's catalogue, and never a stale one. */
class CompiledCatalogueTest {

    private static byte[] json() throws IOException {
        try (InputStream in = DevToolCatalogue.class.getResourceAsStream(DevToolCatalogue.RESOURCE)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theCompiledFormGivesTheSameToolsAsTheJson() throws IOException {
        byte[] json = json();
        DevToolCatalogue fromJson = DevToolCatalogue.parse(new InputStreamReader(
                new java.io.ByteArrayInputStream(json), StandardCharsets.UTF_8));
        DevToolCatalogue compiled = DevToolCatalogue.of(CompiledCatalogue.read(CompiledCatalogue.write(json), json));
        assertThat(compiled.all()).hasSameSizeAs(fromJson.all()).hasSizeGreaterThan(60);
        for (int i = 0; i < fromJson.all().size(); i++) {
            DevTool a = fromJson.all().get(i);
            DevTool b = compiled.all().get(i);
            assertThat(List.of(b.id(), b.name(), b.description(), b.ports(), b.tls(), b.tlsPorts(), b.generic(),
                    b.onlyOnItsPorts())).as(a.id()).isEqualTo(List.of(a.id(), a.name(), a.description(), a.ports(),
                    a.tls(), a.tlsPorts(), a.generic(), a.onlyOnItsPorts()));
            assertThat(text(b.process())).as(a.id()).isEqualTo(text(a.process()));
            assertThat(text(b.commandLine())).as(a.id()).isEqualTo(text(a.commandLine()));
            // the literals the build read are those read from the pattern now
            assertThat(literals(b.process())).as(a.id()).isEqualTo(literals(a.process()));
            assertThat(literals(b.commandLine())).as(a.id()).isEqualTo(literals(a.commandLine()));
        }
        for (String user : List.of("postgres", "mysql", "redis", "www-data", "nobody", "root")) {
            assertThat(compiled.forServiceUser(user).map(DevTool::id)).as(user)
                    .isEqualTo(fromJson.forServiceUser(user).map(DevTool::id));
        }
        assertThat(fromJson.forServiceUser("postgres")).isPresent();
    }

    @Test
    void theBuildWroteTheCompiledFormOfTheBundledJson() throws IOException {
        // what loadBundled reads: null here would mean every command parses the JSON with Gson again
        assertThat(CompiledCatalogue.readBundled(json())).isNotNull();
    }

    @Test
    void aJsonEditedAfterTheBuildIsReadAsJsonNotFromTheStaleCopy() throws IOException {
        byte[] json = json();
        byte[] compiled = CompiledCatalogue.write(json);
        byte[] edited = new String(json, StandardCharsets.UTF_8).replace("\"Vite dev server\"", "\"Vite server\"")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(edited).isNotEqualTo(json);
        assertThat(CompiledCatalogue.read(compiled, edited)).isNull();
    }

    private static List<String> literals(ToolPattern p) {
        return p == null ? null : List.of(p.required());
    }

    private static String text(ToolPattern p) {
        return p == null ? null : p.pattern() + "/" + p.compiled().flags();
    }
}
