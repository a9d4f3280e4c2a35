package dev.portside;

import dev.portside.platform.CommandRunner;
import dev.portside.platform.HostSystem;
import dev.portside.platform.OsFamily;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where Portside keeps its files: the system's convention ({@link HostSystem#folders()}), or where
 * the system property {@value #CONFIG_DIR_PROPERTY} says (tests, portable installs).
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
        return HostSystem.current().folders().configDir();
    }

    /** The folder for log files (it may not exist yet). */
    public static Path logDir() {
        return HostSystem.current().folders().logDir();
    }

    /** The settings folder on a given system, for a given environment and home folder. */
    public static Path configDir(String osName, Map<String, String> env, Path home) {
        return HostSystem.of(OsFamily.of(osName), env, home, CommandRunner.NONE).folders().configDir();
    }
}
