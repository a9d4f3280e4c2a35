package dev.portside.ui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.css.CompoundSelector;
import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.css.Rule;
import javafx.css.Selector;
import javafx.css.SimpleSelector;
import javafx.css.Stylesheet;

/**
 * The stylesheets as the build writes them for the window's start (pom.xml, {@code theme}): the
 * AtlantaFX Primer light and dark themes without the rules of controls Portside never shows, and
 * our own {@code portside.css}, each in JavaFX's binary form ({@code .bss}).
 *
 * <p>Why: JavaFX matches every node of the window against the theme's selectors on the way to the
 * first frame, on the FX thread; Primer has about 1,230 of them, more than half for controls that no
 * Portside window has (date and colour pickers, tree tables, tab panes, charts, sliders, AtlantaFX's
 * own cards and tiles, ...). A selector that names a style class no node ever carries
 * can never match, so dropping it changes no style of any node (the order of the rest, and so the
 * cascade, stays as it was); it only shortens the lists JavaFX searches and the file it reads
 * (docs/PERFORMANCE.md, "Third round: the window"). {@code TrimmedThemeFxTest} compares every
 * styleable property of every node of the windows with both forms of the theme, and fails when a node
 * carries a class of {@link #UNUSED_STYLE_CLASSES}: a control added to Portside whose class is listed
 * there has to leave that list. {@code CompiledThemeTest} checks the files the build wrote.
 *
 * <p>JavaFX reads {@code portside.bss} in place of {@code portside.css} by itself (a {@code .bss}
 * beside a {@code .css} wins): after editing {@code portside.css} outside Maven, run
 * {@code mvn process-classes} ({@code mvn javafx:run} does), or the window keeps the last build's styles.
 */
public final class CompiledTheme {

    /** Where the trimmed themes are in Portside's jar. */
    static final String LIGHT = "/dev/portside/ui/theme/primer-light.bss";
    static final String DARK = "/dev/portside/ui/theme/primer-dark.bss";
    static final String ATLANTAFX_LIGHT = "/atlantafx/base/theme/primer-light.css";
    static final String ATLANTAFX_DARK = "/atlantafx/base/theme/primer-dark.css";

    /**
     * Style classes of the controls no Portside window has (the rule of the control's own class and
     * the classes its skin gives its parts), grouped by control. What Portside does have, including
     * inside the controls of its libraries (ControlsFX's status bar has a progress bar, its
     * notifications a title and a close button), stays.
     */
    static final Set<String> UNUSED_STYLE_CLASSES = Set.of(
            // DatePicker, AtlantaFX Calendar
            "date-picker", "date-picker-popup", "date-cell", "day-cell", "day-name-cell", "hijrah-day-cell",
            "week-number-cell", "month-year-pane", "calendar", "calendar-grid", "previous-month", "next-month",
            // ColorPicker and its dialog
            "color-picker", "color-palette", "color-palette-region", "custom-color-dialog", "color-picker-grid",
            "color-picker-label", "color-rect", "color-rect-border", "color-rect-pane", "color-square",
            "current-new-color-grid", "customcolor-controls-background", "picker-color", "picker-color-rect",
            "webcolor-field", "web-field", "color-input-field", "color-bar", "transparent-pattern", "hover-square",
            // TreeView, TreeTableView
            "tree-view", "tree-cell", "tree-table-view", "tree-table-row-cell", "tree-table-cell",
            "tree-disclosure-node", "check-box-tree-table-cell",
            // Pagination, Accordion, HTMLEditor
            "pagination", "pagination-control", "number-button", "page-information", "bullet-button",
            "accordion", "html-editor",
            // charts
            "chart", "bar-chart", "stacked-bar-chart", "axis", "axis-label", "axis-tick-mark", "axis-minor-tick-mark",
            // Slider, ChoiceBox, MenuBar, TabPane, SplitMenuButton, RadioButton, RadioMenuItem, PasswordField (not
            // Spinner's class: an indeterminate ProgressIndicator's skin has a part called "spinner" too)
            "slider", "choice-box", "menu-bar", "tab-pane", "tab", "tab-header-area", "tab-header-background",
            "tab-container", "tab-label", "tab-close-button", "tab-down-button", "control-buttons-tab",
            "split-menu-button", "radio-button", "radio-menu-item", "password-field",
            // the JDK's text input and choice dialogs
            "text-input-dialog", "choice-dialog",
            // AtlantaFX's own controls: ToggleSwitch, Message, Card, Tile, ModalPane, Breadcrumbs,
            // Notification, Popover, CaptionMenuItem, RingProgressIndicator, ProgressSliderSkin, BBCode
            "toggle-switch", "message", "card", "tile", "tile-base", "modal-box", "modal-pane", "breadcrumbs",
            "notification", "popover", "caption-menu-item", "ring-progress-indicator", "progress-slider", "bb-code");

    /** Prefixes of further such classes: the HTML editor's buttons, the charts' parts and series colours. */
    private static final List<String> UNUSED_PREFIXES = List.of("html-editor-", "chart-", "default-color");

    private static final Pattern STYLE_CLASS = Pattern.compile("\\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)");

    private CompiledTheme() {
    }

    /**
     * Writes, under {@code args[0]} (the build's classes): the trimmed Primer light and dark themes
     * (from AtlantaFX's jar on the class path) and {@code dev/portside/ui/portside.bss}.
     */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Path work = Files.createTempDirectory("portside-theme");
        try {
            write(ATLANTAFX_LIGHT, classes.resolve(LIGHT.substring(1)), work);
            write(ATLANTAFX_DARK, classes.resolve(DARK.substring(1)), work);
            Path ours = classes.resolve("dev/portside/ui/portside.css");
            Stylesheet.convertToBinary(ours.toFile(), classes.resolve("dev/portside/ui/portside.bss").toFile());
        } finally {
            try (var files = Files.list(work)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(work);
        }
    }

    private static void write(String theme, Path bss, Path work) throws IOException {
        String css = read(theme);
        String trimmed = trim(css);
        Path source = work.resolve(bss.getFileName().toString().replace(".bss", ".css"));
        Files.writeString(source, trimmed, StandardCharsets.UTF_8);
        // The text was cut by its selectors' words; JavaFX's own parser must agree rule by rule.
        List<String> expected = rules(new CssParser().parse(theme, css), true);
        List<String> written = rules(new CssParser().parse(theme, trimmed), false);
        if (!expected.equals(written)) {
            throw new IllegalStateException("The trimmed " + theme + " differs from the rules it should keep");
        }
        Files.createDirectories(bss.getParent());
        Stylesheet.convertToBinary(source.toFile(), bss.toFile());
    }

    /** The stylesheet's text without the selectors that name an unused style class (and rules left without any). */
    static String trim(String css) {
        StringBuilder out = new StringBuilder(css.length());
        int i = 0;
        int n = css.length();
        while (i < n) {
            int open = next(css, i, '{');
            if (open < 0) {
                out.append(css, i, n); // comments and space after the last rule
                break;
            }
            int close = blockEnd(css, open);
            String head = css.substring(i, open);
            String body = css.substring(open, close + 1);
            String prelude = stripComments(head).trim();
            if (prelude.startsWith("@")) {
                out.append(head).append(body);
            } else {
                List<String> kept = new ArrayList<>();
                for (String selector : prelude.split(",")) {
                    if (mayMatch(selector)) {
                        kept.add(selector.trim());
                    }
                }
                if (!kept.isEmpty()) {
                    out.append(String.join(",\n", kept)).append(' ').append(body).append('\n');
                }
            }
            i = close + 1;
        }
        return out.toString();
    }

    /** False when the selector (its text) names a style class of a control Portside never shows. */
    static boolean mayMatch(String selector) {
        Matcher m = STYLE_CLASS.matcher(stripComments(selector));
        while (m.find()) {
            if (unused(m.group(1))) {
                return false;
            }
        }
        return true;
    }

    static boolean unused(String styleClass) {
        if (UNUSED_STYLE_CLASSES.contains(styleClass)) {
            return true;
        }
        for (String prefix : UNUSED_PREFIXES) {
            if (styleClass.startsWith(prefix)) {
                return true;
            }
        }
        return styleClass.endsWith("-legend-symbol");
    }

    /** False when the parsed selector names such a style class; agrees with {@link #mayMatch(String)}. */
    static boolean mayMatch(Selector selector) {
        List<SimpleSelector> parts = selector instanceof CompoundSelector c ? c.getSelectors()
                : List.of((SimpleSelector) selector);
        for (SimpleSelector part : parts) {
            for (String styleClass : part.getStyleClasses()) {
                if (unused(styleClass)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Each selector with its declarations, in order; only those that may match when {@code filter}. */
    static List<String> rules(Stylesheet sheet, boolean filter) {
        return each(sheet, filter, rule -> rule.getDeclarations().toString());
    }

    /**
     * Each selector with the names of its properties, in order (the binary form writes some values,
     * such as border styles, in another shape than the parser gives them, so values are compared
     * between text forms only, in {@link #main}).
     */
    static List<String> selectors(Stylesheet sheet, boolean filter) {
        return each(sheet, filter, rule -> rule.getDeclarations().stream().map(Declaration::getProperty).toList().toString());
    }

    private static List<String> each(Stylesheet sheet, boolean filter, Function<Rule, String> declarations) {
        List<String> out = new ArrayList<>();
        for (Rule rule : sheet.getRules()) {
            for (Selector selector : rule.getSelectors()) {
                if (!filter || mayMatch(selector)) {
                    out.add(selector + " " + declarations.apply(rule));
                }
            }
        }
        return out;
    }

    static String read(String resource) {
        URL url = Objects.requireNonNull(CompiledTheme.class.getResource(resource), resource);
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index of {@code c} at or after {@code from} outside comments and strings, or -1. */
    private static int next(String css, int from, char c) {
        for (int i = from; i < css.length(); i = skipped(css, i) + 1) {
            if (css.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the brace that closes the block opened at {@code open}. */
    private static int blockEnd(String css, int open) {
        int depth = 0;
        for (int i = open; i < css.length(); i = skipped(css, i) + 1) {
            char ch = css.charAt(i);
            if (ch == '{') {
                depth++;
            } else if (ch == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("A block opened at " + open + " is never closed");
    }

    /** The last index of the comment or string that starts at {@code i}; {@code i} when none does. */
    private static int skipped(String css, int i) {
        char ch = css.charAt(i);
        if (ch == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*') {
            int end = css.indexOf("*/", i + 2);
            return end < 0 ? css.length() - 1 : end + 1;
        }
        return ch == '"' || ch == '\'' ? stringEnd(css, i) : i;
    }

    private static int stringEnd(String css, int quote) {
        char q = css.charAt(quote);
        for (int i = quote + 1; i < css.length(); i++) {
            char ch = css.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (ch == q) {
                return i;
            }
        }
        return css.length();
    }

    private static String stripComments(String s) {
        return s.replaceAll("(?s)/\\*.*?\\*/", "");
    }
}
