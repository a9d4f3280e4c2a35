package dev.portside.ui.settings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the desktop whether it prefers dark. JavaFX 21 cannot tell (Platform.Preferences came in
 * JavaFX 22), so this runs one fixed, argument-free command with a timeout: GNOME's
 * {@code gsettings} on Linux, {@code defaults} on macOS, {@code reg} on Windows. Blocking: call it
 * off the FX thread. Empty when the platform does not say.
 */
public final class SystemTheme {

    private static final Logger LOG = LoggerFactory.getLogger(SystemTheme.class);
    private static final long TIMEOUT_MILLIS = 2000;

    private SystemTheme() {
    }

    /** True for dark, false for light, empty when unknown. */
    public static Optional<Boolean> prefersDark() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return run(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme")).map(SystemTheme::windowsSaysDark);
        }
        if (os.startsWith("mac")) {
            // "defaults" prints "Dark" in dark mode and fails when the key is absent (light mode).
            return Optional.of(run(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                    .map(out -> out.strip().equalsIgnoreCase("dark")).orElse(false));
        }
        return run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"))
                .flatMap(SystemTheme::gnomeSaysDark);
    }

    /** GNOME: 'prefer-dark' is dark, 'prefer-light' or 'default' is light. */
    static Optional<Boolean> gnomeSaysDark(String output) {
        String v = output.strip().replace("'", "");
        if (v.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(v.equals("prefer-dark"));
    }

    /** Windows: "AppsUseLightTheme REG_DWORD 0x0" is dark. */
    static Boolean windowsSaysDark(String output) {
        return output.replaceAll("\\s+", " ").contains("REG_DWORD 0x0");
    }

    private static Optional<String> run(List<String> command) {
        Process p = null;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
            try (InputStream in = p.getInputStream()) {
                String out = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty(); // the command does not exist here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.debug("Could not ask the system for its theme", e);
            return Optional.empty();
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }
}
