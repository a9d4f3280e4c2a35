package dev.portside.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.Objects;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/** The build's stylesheets: the trimmed themes keep exactly the rules that can match, portside.bss is portside.css. */
class CompiledThemeTest {

    @Test
    void aSelectorNamingAControlPortsideNeverShowsIsDroppedAndTheRestKeptInOrder() throws Exception {
        String css = """
                /* a comment { with a brace } */
                .root { -color-fg-default: #24292f; }
                .date-picker > .arrow-button, .combo-box-base > .arrow-button { -fx-padding: 4px; }
                .tab-pane .tab, .chart-legend { -fx-background-color: red; }
                .button:hover { -fx-font-family: "A {brace}"; }
                @font-face { font-family: "X"; src: url("x.ttf"); }
                .html-editor-bold { -fx-graphic: url("b.png"); }
                """;
        String trimmed = CompiledTheme.trim(css);

        List<String> kept = CompiledTheme.rules(new CssParser().parse("t", trimmed), false);
        assertThat(kept).hasSize(3);
        assertThat(kept.get(0)).startsWith("*.root");
        assertThat(kept.get(1)).startsWith("*.combo-box-base>*.arrow-button");
        assertThat(kept.get(2)).startsWith("*.button:hover").contains("A {brace}");
        assertThat(trimmed).contains("@font-face").doesNotContain("date-picker", "tab-pane", "chart", "html-editor");
        assertThat(kept).isEqualTo(CompiledTheme.rules(new CssParser().parse("t", css), true));
    }

    @Test
    void aClassIsUnusedOnlyWhenItIsAControlPortsideNeverShows() {
        assertThat(CompiledTheme.unused("date-picker")).isTrue();
        assertThat(CompiledTheme.unused("chart-series-line")).isTrue();
        assertThat(CompiledTheme.unused("default-color3")).isTrue();
        assertThat(CompiledTheme.unused("pie-legend-symbol")).isTrue();
        for (String used : List.of("button", "table-view", "combo-box-base", "list-view", "text-area", "titled-pane",
                "progress-bar", "progress-indicator", "check-box", "hyperlink", "tooltip", "context-menu",
                "dialog-pane", "tool-bar", "split-pane", "scroll-pane", "menu-button", "toggle-button", "label")) {
            assertThat(CompiledTheme.unused(used)).as(used).isFalse();
        }
    }

    @Test
    void theBundledThemesHoldExactlyAtlantaFxsRulesThatMayMatch() throws Exception {
        for (String[] pair : new String[][] {{CompiledTheme.LIGHT, CompiledTheme.ATLANTAFX_LIGHT},
            {CompiledTheme.DARK, CompiledTheme.ATLANTAFX_DARK}}) {
            String text = CompiledTheme.read(pair[1]);
            Stylesheet full = new CssParser().parse(pair[1], text);
            assertThat(CompiledTheme.rules(new CssParser().parse(pair[1], CompiledTheme.trim(text)), false))
                    .as("the trimmed text, value by value").isEqualTo(CompiledTheme.rules(full, true));
            List<String> bundled = CompiledTheme.selectors(Stylesheet.loadBinary(resource(pair[0])), false);
            assertThat(bundled).as(pair[0]).isEqualTo(CompiledTheme.selectors(full, true));
            assertThat(bundled.size()).as("more than half of Primer's selectors name controls Portside never shows")
                    .isLessThan(CompiledTheme.selectors(full, false).size() / 2);
        }
    }

    @Test
    void theBinaryFormOfPortsideCssHasItsRules() throws Exception {
        URL css = resource("/dev/portside/ui/portside.css");
        Stylesheet binary = Stylesheet.loadBinary(resource("/dev/portside/ui/portside.bss"));
        assertThat(CompiledTheme.selectors(binary, false))
                .isEqualTo(CompiledTheme.selectors(new CssParser().parse(css), false));
    }

    @Test
    void theThemeManagerUsesTheTrimmedThemes() {
        assertThat(ThemeManager.stylesheet(false)).isEqualTo(CompiledTheme.LIGHT);
        assertThat(ThemeManager.stylesheet(true)).isEqualTo(CompiledTheme.DARK);
    }

    private static URL resource(String path) {
        return Objects.requireNonNull(CompiledThemeTest.class.getResource(path), path);
    }
}
