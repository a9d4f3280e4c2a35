package dev.portside;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Portside keeps its files, following each system's convention: settings in the user's
 * configuration folder ({@code ~/.config/portside} on Linux, or {@code $XDG_CONFIG_HOME/portside};
 * {@code %APPDATA%\Portside} on Windows; {@code ~/Library/Application Support/Portside} on macOS).
 */
public final class AppDirs {

    private AppDirs() {
    }

    /** The folder for settings (it may not exist yet). */
    public static Path configDir() {
        return configDir(System.getProperty("os.name", ""), System.getProperty("user.home", "."), System.getenv());
    }

    /** The settings file inside {@link #configDir()}. */
    public static Path settingsFile() {
        return configDir().resolve("settings.json");
    }

    static Path configDir(String osName, String home, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData)
                    : Path.of(home, "AppData", "Roaming");
            return base.resolve("Portside");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Portside");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".config");
        return base.resolve("portside");
    }
}
