package dev.portside.platform;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * macOS: the notification centre through {@code osascript}. The texts travel as the script's
 * arguments ({@code on run argv}), never inside the script's source, so no name can change what
 * the script does.
 */
public final class MacNotifications implements NotificationCentre {

    static final List<String> SCRIPT = List.of("osascript", "-e", "on run argv",
            "-e", "display notification (item 2 of argv) with title (item 1 of argv)", "-e", "end run");

    private final CommandRunner runner;

    public MacNotifications(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner);
    }

    @Override
    public boolean show(String title, String body) {
        List<String> command = new java.util.ArrayList<>(SCRIPT);
        command.add(argument(title));
        command.add(argument(body));
        try {
            runner.start(command);
            return true;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** osascript would read a leading "-" as an option of its own. */
    static String argument(String text) {
        return text.startsWith("-") ? " " + text : text;
    }
}
