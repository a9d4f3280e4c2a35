package dev.portside.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The compiled texts hold what the properties file holds, and a stale compiled form is never read. */
class CompiledTextsTest {

    private static final Path SOURCE = Path.of("src/main/resources/dev/portside/messages.properties");

    @Test
    void everyTextOfThePropertiesFileIsInTheCompiledFormAsTheJdkReadsIt() throws Exception {
        byte[] properties = Files.readAllBytes(SOURCE);
        ResourceBundle compiled = CompiledTexts.read(CompiledTexts.write(properties), properties);
        PropertyResourceBundle plain = new PropertyResourceBundle(new ByteArrayInputStream(properties));
        assertThat(compiled.keySet()).isEqualTo(plain.keySet()).hasSizeGreaterThan(500);
        for (String key : plain.keySet()) {
            assertThat(compiled.getString(key)).as(key).isEqualTo(plain.getString(key));
        }
        assertThat(Collections.list(compiled.getKeys())).containsExactlyInAnyOrderElementsOf(plain.keySet());
        assertThat(compiled.containsKey("no.such.key")).isFalse();
    }

    @Test
    void aCompiledFormOfAnotherFileIsNotRead() throws Exception {
        byte[] properties = "a=one\nb = two, with ''quotes''\n".getBytes(StandardCharsets.UTF_8);
        byte[] compiled = CompiledTexts.write(properties);
        assertThat(CompiledTexts.read(compiled, properties).getString("b")).isEqualTo("two, with ''quotes''");
        byte[] edited = "a=one\nb=three\n".getBytes(StandardCharsets.UTF_8);
        assertThat(CompiledTexts.read(compiled, edited)).isNull();
    }

    @Test
    void theBuildWroteTheCompiledTextsAndTextsReadsThem() {
        // the build's step (pom.xml, texts) ran: the bundle Texts uses is the compiled one, of this very file
        assertThat(Texts.bundle().getClass().getName()).isEqualTo(CompiledTexts.class.getName() + "$Texts");
    }
}
