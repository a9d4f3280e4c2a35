package dev.portside.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Opens a web address in the user's default browser with the system's own opener, started from an
 * argument list (no shell) and not waited for: {@code xdg-open} on Linux, {@code open} on macOS,
 * {@code rundll32 url.dll,FileProtocolHandler} on Windows. Only {@code http} and {@code https}
 * addresses: anything else (a file, a command-line option) is refused.
 */
public final class UrlOpener {

    private final List<String> command;
    private final CommandRunner runner;

    UrlOpener(List<String> command, CommandRunner runner) {
        this.command = List.copyOf(command);
        this.runner = Objects.requireNonNull(runner);
    }

    public static UrlOpener linux(CommandRunner runner) {
        return new UrlOpener(List.of("xdg-open"), runner);
    }

    public static UrlOpener mac(CommandRunner runner) {
        return new UrlOpener(List.of("open"), runner);
    }

    public static UrlOpener windows(CommandRunner runner) {
        return new UrlOpener(List.of("rundll32", "url.dll,FileProtocolHandler"), runner);
    }

    /**
     * Starts the browser on the address.
     *
     * @throws IllegalArgumentException when it is not a plain http(s) address
     * @throws java.io.UncheckedIOException when the opener cannot be started
     */
    public void open(String url) {
        List<String> args = new ArrayList<>(command);
        args.add(checked(url));
        runner.start(args);
    }

    static String checked(String url) {
        Objects.requireNonNull(url);
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null && uri.getAuthority() == null) {
                throw new IllegalArgumentException("not a web address: " + url);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a web address: " + url, e);
        }
        return url;
    }
}
