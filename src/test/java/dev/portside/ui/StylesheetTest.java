package dev.portside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/** The stylesheet parses cleanly (a lost brace after a merge silently drops every rule after it). */
class StylesheetTest {

    private static final URL CSS = StylesheetTest.class.getResource("/dev/portside/ui/portside.css");

    @Test
    void parsesWithoutErrors() throws Exception {
        CssParser.errorsProperty().clear();
        Stylesheet sheet = new CssParser().parse(CSS);
        List<String> errors = CssParser.errorsProperty().stream().map(Object::toString).toList();
        assertThat(errors).isEmpty();
        // A lost closing brace swallows the next rule without any parse error: count the rules.
        String css = new String(CSS.openStream().readAllBytes(), StandardCharsets.UTF_8)
                .replaceAll("(?s)/\\*.*?\\*/", "");
        long blocks = css.chars().filter(c -> c == '{').count();
        assertThat(sheet.getRules()).as("every rule of the file was parsed").hasSize((int) blocks);
    }

    @Test
    void usesThemeTokensNotHardCodedColours() throws Exception {
        String css = new String(CSS.openStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(Pattern.compile("#[0-9a-fA-F]{3,8}\\b").matcher(css.replaceAll("/\\*.*?\\*/", "")).find())
                .isFalse();
    }
}
