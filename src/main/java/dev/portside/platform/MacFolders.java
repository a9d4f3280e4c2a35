package dev.portside.platform;

import java.nio.file.Path;

/** macOS: {@code ~/Library/Application Support/Portside} and {@code ~/Library/Logs/Portside}. */
public record MacFolders(Path home) implements AppFolders {

    @Override
    public Path configDir() {
        return home.resolve("Library").resolve("Application Support").resolve("Portside");
    }

    @Override
    public Path logDir() {
        return home.resolve("Library").resolve("Logs").resolve("Portside");
    }
}
