package dev.portside.diagnose;

import dev.portside.core.IpAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What Portside read from the user's text.
 *
 * @param text the text as given (may hold anything; shown only through {@code Printable})
 * @param kind a port, an address, a URL or a message
 * @param port the port to diagnose (1–65535)
 * @param host the host the text names, lower case and without brackets ("localhost", "127.0.0.1",
 *     "::1", "::", "*", "db"), or "" when it names none
 * @param symptom what went wrong, when the text says
 * @param tool the tool that printed the message ("node", "python", "curl", …), or ""
 * @param otherPorts other ports the text names (Vite's "Local: http://localhost:5174/")
 * @param scheme the URL's scheme ("http", "https", "postgres", …), or ""
 * @param portAssumed true when the text names no port and {@code port} is the tool's usual one
 */
public record DiagnosisInput(String text, InputKind kind, int port, String host, Symptom symptom, String tool,
        List<Integer> otherPorts, String scheme, boolean portAssumed) {

    public DiagnosisInput {
        text = Objects.requireNonNullElse(text, "");
        Objects.requireNonNull(kind, "kind");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
        host = Objects.requireNonNullElse(host, "").toLowerCase(Locale.ROOT);
        symptom = Objects.requireNonNullElse(symptom, Symptom.NONE);
        tool = Objects.requireNonNullElse(tool, "");
        otherPorts = List.copyOf(otherPorts);
        scheme = Objects.requireNonNullElse(scheme, "").toLowerCase(Locale.ROOT);
    }

    /** A plain port, as the window's detail link and {@code portside why 3000} give it. */
    public static DiagnosisInput port(int port) {
        return new DiagnosisInput(String.valueOf(port), InputKind.PORT, port, "", Symptom.NONE, "", List.of(), "",
                false);
    }

    /** Whether the user's program tried to listen on the port or to connect to it, when the text says. */
    public Symptom.Intent intent() {
        return symptom.intent();
    }

    /** The host as an IP address, when the text gives one ("127.0.0.1", "::1", "0.0.0.0"). */
    public Optional<IpAddress> literal() {
        if (host.isEmpty() || "*".equals(host)) {
            return Optional.empty();
        }
        try {
            return Optional.of(IpAddress.parse(host));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** "localhost" or a name under it ("app.localhost"), which RFC 6761 keeps on this computer. */
    public boolean namesLocalhost() {
        return "localhost".equals(host) || host.endsWith(".localhost");
    }

    /** "*", 0.0.0.0 or :: — every address (what a server binds, not where a client connects). */
    public boolean namesEveryAddress() {
        return "*".equals(host) || literal().map(a -> a.unmapped().isWildcard()).orElse(false);
    }

    /** A host name that is neither localhost nor an IP literal ("db", "example.com"). */
    public boolean namesOtherHost() {
        return !host.isEmpty() && !namesLocalhost() && !namesEveryAddress() && literal().isEmpty();
    }

    /** https, wss and the like: the URL to give back starts with https. */
    public boolean secure() {
        return scheme.equals("https") || scheme.equals("wss");
    }
}
