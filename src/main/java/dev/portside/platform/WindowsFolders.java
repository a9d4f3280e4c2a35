package dev.portside.platform;

import java.nio.file.Path;
import java.util.Map;

/**
 * Windows: settings in {@code %APPDATA%\Portside} (roaming, they follow the user), logs in
 * {@code %LOCALAPPDATA%\Portside\Logs} (this computer only); the usual folders under the home
 * folder when the variables are missing.
 */
public record WindowsFolders(Map<String, String> env, Path home) implements AppFolders {

    @Override
    public Path configDir() {
        return base("APPDATA", home.resolve("AppData").resolve("Roaming")).resolve("Portside");
    }

    @Override
    public Path logDir() {
        return base("LOCALAPPDATA", home.resolve("AppData").resolve("Local")).resolve("Portside").resolve("Logs");
    }

    private Path base(String variable, Path fallback) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }
}
