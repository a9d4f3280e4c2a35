package dev.portside.ui.settings;

import dev.portside.poll.BackgroundRunner;
import dev.portside.ui.theme.ThemeManager;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Light, dark, or whatever the system prefers. While following the system, the preference is asked
 * on a background thread (it runs a command) and applied on the FX thread; a platform that does not
 * say gets light. Switching the theme by hand stops following the system.
 */
public final class ThemeChoice {

    private final ThemeManager theme;
    private final Supplier<Optional<Boolean>> systemPrefersDark;
    private final BackgroundRunner runner;
    private final BooleanProperty followSystem = new SimpleBooleanProperty(false);
    private boolean applying;

    public ThemeChoice(ThemeManager theme, Supplier<Optional<Boolean>> systemPrefersDark, BackgroundRunner runner) {
        this.theme = Objects.requireNonNull(theme);
        this.systemPrefersDark = Objects.requireNonNull(systemPrefersDark);
        this.runner = Objects.requireNonNull(runner);
        theme.darkProperty().addListener((o, was, now) -> {
            if (!applying) {
                followSystem.set(false);
            }
        });
        followSystem.addListener((o, was, now) -> {
            if (now) {
                refresh();
            }
        });
    }

    /** Asks the system again (e.g. when the window comes back to the front) if following it. */
    public void refresh() {
        if (!followSystem.get()) {
            return;
        }
        runner.run(() -> {
            try {
                return systemPrefersDark.get().orElse(false);
            } catch (RuntimeException e) {
                return false; // a platform that does not say gets light
            }
        }, this::applySystem, e -> applySystem(false));
    }

    private void applySystem(boolean dark) {
        if (followSystem.get()) {
            applying = true;
            try {
                theme.setDark(dark);
            } finally {
                applying = false;
            }
        }
    }

    /** "system", "light" or "dark", as the settings file keeps it. */
    public String mode() {
        if (followSystem.get()) {
            return Settings.THEME_SYSTEM;
        }
        return theme.isDark() ? Settings.THEME_DARK : Settings.THEME_LIGHT;
    }

    /** Restores a mode from the settings file. */
    public void restore(String mode) {
        switch (mode == null ? Settings.THEME_SYSTEM : mode) {
            case Settings.THEME_DARK -> {
                followSystem.set(false);
                theme.setDark(true);
            }
            case Settings.THEME_LIGHT -> {
                followSystem.set(false);
                theme.setDark(false);
            }
            default -> {
                if (followSystem.get()) {
                    refresh();
                } else {
                    followSystem.set(true);
                }
            }
        }
    }

    public BooleanProperty followSystemProperty() {
        return followSystem;
    }
}
