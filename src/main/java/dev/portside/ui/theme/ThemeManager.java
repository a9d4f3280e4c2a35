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
     * Sets the theme's binary stylesheet (the .bss AtlantaFX compiles from the same CSS): JavaFX
     * reads it several times faster than it parses the 170 KB of CSS text, on the FX thread, on
     * the way to the first window (docs/PERFORMANCE.md, "Start-up of the window").
     */
    public void apply() {
        Application.setUserAgentStylesheet(dark.get() ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
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
