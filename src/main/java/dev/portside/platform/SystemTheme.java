package dev.portside.platform;

import java.util.Optional;

/**
 * Whether the desktop prefers dark. JavaFX 21 cannot tell (Platform.Preferences came in JavaFX 22),
 * so each system's implementation runs one fixed command with a timeout. Blocking: call it off the
 * FX thread.
 */
public interface SystemTheme {

    /** A system that does not say. */
    SystemTheme UNKNOWN = Optional::empty;

    /** True for dark, false for light, empty when the system does not say. */
    Optional<Boolean> prefersDark();
}
