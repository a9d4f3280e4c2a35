package dev.portside.ui.settings;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.portside.AppDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code settings.json} in a directory. Never throws: a missing file gives the
 * defaults; a corrupt or unreadable one is logged, kept aside as {@code settings.json.corrupt} and
 * replaced by the defaults; a failed write is logged.
 */
public final class SettingsStore {

    public static final String FILE_NAME = "settings.json";

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path directory;

    public SettingsStore(Path directory) {
        this.directory = Objects.requireNonNull(directory);
    }

    /** System property that moves the settings elsewhere (tests and portable installs). */
    public static final String DIRECTORY_PROPERTY = "portside.config.dir";

    /** The settings store in the user's usual config directory, or where {@value #DIRECTORY_PROPERTY} says. */
    public static SettingsStore inDefaultDirectory() {
        return new SettingsStore(AppDirs.configDir()); // the property, else this system's folder (platform)
    }

    /**
     * Where an app keeps its settings: {@code $XDG_CONFIG_HOME/portside} or {@code ~/.config/portside}
     * on Linux and other Unix, {@code %APPDATA%\Portside} on Windows, {@code ~/Library/Application
     * Support/Portside} on macOS.
     */
    public static Path defaultDirectory(String osName, Map<String, String> env, Path home) {
        return AppDirs.configDir(osName, env, home); // one place for the path rules (doctor shows it too)
    }

    public Path directory() {
        return directory;
    }

    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    /** The stored settings, or the defaults when there are none or they cannot be read. */
    public Settings load() {
        Path file = file();
        if (!Files.exists(file)) {
            return Settings.defaults();
        }
        try {
            String json = Files.readString(file, StandardCharsets.UTF_8);
            Settings s = GSON.fromJson(json, Settings.class);
            if (s == null) {
                throw new JsonParseException("the file is empty");
            }
            return new Settings(s.theme(), s.pollIntervalMillis(), s.filterText(), s.protocols(), s.families(),
                    s.categories(), s.scope(), s.pinnedPorts(), s.notifyNewExposed(), s.columns(), s.sortOrder(),
                    s.window(), s.splitPosition(), s.systemNotifications());
        } catch (IOException | RuntimeException e) { // JsonParseException, bad numbers, a directory in its place
            LOG.warn("Settings file {} could not be read ({}); using the defaults and replacing it", file,
                    e.getMessage());
            replaceBroken(file);
            return Settings.defaults();
        }
    }

    /** Writes the settings (atomically where the file system allows); false when that failed. */
    public synchronized boolean save(Settings settings) {
        Path file = file();
        Path tmp = directory.resolve(FILE_NAME + ".tmp");
        try {
            Files.createDirectories(directory);
            Files.writeString(tmp, GSON.toJson(settings), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not save the settings to {}: {}", file, e.toString());
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more to do
            }
            return false;
        }
    }

    private void replaceBroken(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                Files.move(file, directory.resolve(FILE_NAME + ".corrupt"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not set the broken settings file aside: {}", e.toString());
        }
        save(Settings.defaults());
    }
}
