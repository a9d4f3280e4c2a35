package dev.portside;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Portside keeps its files, following each system's convention: settings in the user's
 * configuration folder ({@code $XDG_CONFIG_HOME/portside} or {@code ~/.config/portside} on Linux and
 * other Unix; {@code %APPDATA%\Portside} on Windows; {@code ~/Library/Application Support/Portside}
 * on macOS), or where the system property {@value #CONFIG_DIR_PROPERTY} says (tests, portable installs).
 */
public final class AppDirs {

    /** System property that moves the settings elsewhere. */
    public static final String CONFIG_DIR_PROPERTY = "portside.config.dir";

    private AppDirs() {
    }

    /** The folder for settings (it may not exist yet). */
    public static Path configDir() {
        String override = System.getProperty(CONFIG_DIR_PROPERTY, "");
        if (!override.isBlank()) {
            return Path.of(override);
        }
        return configDir(System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home", ".")));
    }

    /** The settings folder on a given system, for a given environment and home folder. */
    public static Path configDir(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming")
                    : Path.of(appData);
            return base.resolve("Portside");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("Portside");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg == null || xdg.isBlank() || !Path.of(xdg).isAbsolute() ? home.resolve(".config") : Path.of(xdg);
        return base.resolve("portside");
    }
}
