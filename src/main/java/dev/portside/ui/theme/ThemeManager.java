package dev.portside.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** Light or dark: AtlantaFX Primer as the user-agent stylesheet; our CSS uses its colour tokens. */
public final class ThemeManager {

    private final BooleanProperty dark = new SimpleBooleanProperty(false);

    public ThemeManager() {
        dark.addListener((o, was, now) -> apply());
    }

    /**
     * Sets the theme's binary stylesheet: JavaFX reads it several times faster than it parses the
     * 170 KB of CSS text, on the FX thread, on the way to the first window. The build's copy without
     * the rules of controls Portside never shows ({@link CompiledTheme}) where there is one (not in a
     * build that skipped that step), else AtlantaFX's own (docs/PERFORMANCE.md, "Start-up of the window").
     */
    public void apply() {
        Application.setUserAgentStylesheet(stylesheet(dark.get()));
    }

    /** The light or dark theme's binary stylesheet (a resource path, as AtlantaFX gives its own). */
    static String stylesheet(boolean dark) {
        String trimmed = dark ? CompiledTheme.DARK : CompiledTheme.LIGHT;
        if (ThemeManager.class.getResource(trimmed) != null) {
            return trimmed;
        }
        return dark ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS();
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public boolean isDark() {
        return dark.get();
    }

    public void setDark(boolean value) {
        dark.set(value);
    }
}
