package dev.portside.platform;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Linux: GNOME's (and others following it) {@code color-scheme} setting, through {@code gsettings}. */
public final class GnomeTheme implements SystemTheme {

    static final List<String> COMMAND = List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme");

    private final CommandRunner runner;

    public GnomeTheme(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner);
    }

    @Override
    public Optional<Boolean> prefersDark() {
        return SystemTheme.ask(runner, COMMAND, GnomeTheme::parse);
    }

    /** {@code 'prefer-dark'} is dark, {@code 'prefer-light'} or {@code 'default'} light; else unknown. */
    static Optional<Boolean> parse(String output) {
        String v = output.strip().replace("'", "");
        return switch (v) {
            case "prefer-dark" -> Optional.of(true);
            case "prefer-light", "default" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
