package dev.portside.platform;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Windows: the {@code AppsUseLightTheme} value under the user's Personalize key, through
 * {@code reg query}: 0 is dark, 1 light. Missing (older Windows) is unknown.
 */
public final class WindowsTheme implements SystemTheme {

    static final List<String> COMMAND = List.of("reg", "query",
            "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize", "/v", "AppsUseLightTheme");
    private static final Pattern VALUE = Pattern.compile("AppsUseLightTheme\\s+REG_DWORD\\s+0x([0-9a-fA-F]+)");

    private final CommandRunner runner;

    public WindowsTheme(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner);
    }

    @Override
    public Optional<Boolean> prefersDark() {
        return SystemTheme.ask(runner, COMMAND, WindowsTheme::parse);
    }

    static Optional<Boolean> parse(String output) {
        Matcher m = VALUE.matcher(output);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(m.group(1), 16) == 0);
    }
}
