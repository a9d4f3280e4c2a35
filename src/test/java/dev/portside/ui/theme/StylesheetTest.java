package dev.portside.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import javafx.css.CssParser;
import org.junit.jupiter.api.Test;

/** The one stylesheet is edited by every feature; a lost brace would silently drop later rules. */
class StylesheetTest {

    @Test
    void portsideCssParsesWithoutErrors() throws Exception {
        URL css = getClass().getResource("/dev/portside/ui/portside.css");
        assertThat(css).isNotNull();
        CssParser.errorsProperty().clear();

        var stylesheet = new CssParser().parse(css);

        assertThat(CssParser.errorsProperty()).extracting(Object::toString).isEmpty();
        assertThat(stylesheet.getRules()).isNotEmpty();
    }
}
