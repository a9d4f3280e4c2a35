package dev.portside.diagnose;

import dev.portside.action.PortInput;
import dev.portside.core.Printable;
import dev.portside.knowledge.Texts;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads whatever the user has: a port ({@code 3000}, {@code :3000}), an address
 * ({@code 127.0.0.1:3000}, {@code [::1]:3000}, {@code localhost:3000}), a URL
 * ({@code http://localhost:5173/}) or a pasted error message, and finds the port, the host and what
 * went wrong. Text it cannot read gets a sentence that says what to type instead; it never throws.
 */
public final class InputReader {

    /** The first characters are read; a pasted log longer than that is rarely about one port. */
    static final int MAX_CHARS = 100_000;

    /** What came of reading the text. */
    public sealed interface Result permits Readable, Unreadable {
    }

    public record Readable(DiagnosisInput input) implements Result {
    }

    /**
     * @param text the text as given
     * @param message what is wrong with it and what to type instead, for a beginner
     */
    public record Unreadable(String text, String message) implements Result {
    }

    private static final Pattern NUMBER_LIKE = Pattern.compile(":?\\s*[-+]?\\d+");
    private static final Pattern URL = Pattern.compile(
            "([a-z][a-z0-9+.-]*)://(?:[^@/\\s]*@)?(\\[[^\\]]*\\]|[^:/?#\\s]*)(?::([^/?#\\s]*))?(?:[/?#]\\S*)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]*)\\]:(\\S*)");
    private static final Pattern HOST_PORT = Pattern.compile("([^\\s:\\[\\]/]*):([^:\\s]*)");
    private static final Pattern IPV6_PORT = Pattern.compile("((?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}):(\\d+)", Pattern.CASE_INSENSITIVE);

    /** Terminal colour and title sequences (Vite and npm colour their output). */
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;?]*[ -/]*[@-~]|\u001b\\][^\u0007\u001b]*(?:\u0007|\u001b\\\\)?");

    /** Database clients that say which server failed but not its port: their usual one is meant. */
    private static final Map<String, Integer> USUAL_PORTS = Map.of("mysql", 3306, "postgres", 5432, "redis", 6379,
            "mongodb", 27017);
    private static final Set<String> BROWSERS = Set.of("chrome", "firefox", "safari", "edge");

    private InputReader() {
    }

    public static Result read(String text) {
        String given = text == null ? "" : text;
        String clean = sanitize(given.length() > MAX_CHARS ? given.substring(0, MAX_CHARS) : given);
        String s = clean.strip();
        if (s.isEmpty()) {
            return new Unreadable(given, Texts.get("diagnose.input.empty"));
        }
        if (NUMBER_LIKE.matcher(s).matches()) {
            return port(given, s.replace(" ", ""));
        }
        if (!s.contains(" ") && !s.contains("\n") && !s.contains("\t")) {
            Optional<Result> single = singleToken(given, s);
            if (single.isPresent()) {
                return single.get();
            }
        }
        return message(given, clean);
    }

    private static Result port(String given, String s) {
        PortInput.Result r = PortInput.parse(s);
        if (r instanceof PortInput.Valid v) {
            return readable(given, InputKind.PORT, v.port(), "", Symptom.NONE, "", List.of(), "", false);
        }
        return new Unreadable(given, ((PortInput.Invalid) r).message());
    }

    /** An address or a URL typed alone; empty when the token is neither (then it is read as text). */
    private static Optional<Result> singleToken(String given, String s) {
        Matcher url = URL.matcher(s);
        if (url.matches()) {
            String scheme = url.group(1).toLowerCase(Locale.ROOT);
            String host = PortClues.unbracket(url.group(2));
            String portText = url.group(3);
            if (portText == null || portText.isEmpty()) {
                Integer usual = PortClues.SCHEME_PORTS.get(scheme);
                if (usual == null) {
                    return Optional.of(new Unreadable(given, Texts.get("diagnose.input.urlNoPort", Printable.of(s))));
                }
                return Optional.of(readable(given, InputKind.URL, usual, host, Symptom.NONE, "", List.of(), scheme, false));
            }
            return Optional.of(address(given, InputKind.URL, host, portText, scheme));
        }
        Matcher bracketed = BRACKETED.matcher(s);
        if (bracketed.matches()) {
            return Optional.of(address(given, InputKind.ADDRESS, bracketed.group(1), bracketed.group(2), ""));
        }
        Matcher v6 = IPV6_PORT.matcher(s);
        if (v6.matches() && PortClues.literal(v6.group(1)).isPresent()) {
            return Optional.of(address(given, InputKind.ADDRESS, v6.group(1), v6.group(2), ""));
        }
        Matcher hostPort = HOST_PORT.matcher(s);
        if (hostPort.matches() && !hostPort.group(1).isEmpty()) {
            return Optional.of(address(given, InputKind.ADDRESS, hostPort.group(1), hostPort.group(2), ""));
        }
        return Optional.empty();
    }

    private static Result address(String given, InputKind kind, String host, String portText, String scheme) {
        PortInput.Result r = PortInput.parse(portText);
        if (r instanceof PortInput.Invalid invalid) {
            return new Unreadable(given, invalid.message());
        }
        int port = ((PortInput.Valid) r).port();
        return readable(given, kind, port, host, Symptom.NONE, "", List.of(), scheme, false);
    }

    private static Result message(String given, String text) {
        Symptom symptom = MessageClues.symptom(text);
        String tool = MessageClues.tool(text);
        List<PortClues.Clue> clues = PortClues.find(text);
        Optional<PortClues.Clue> best = clues.stream().filter(PortClues.Clue::valid)
                .max(Comparator.comparingInt(PortClues.Clue::strength).thenComparing(c -> -c.at()));
        if (best.isEmpty()) {
            Optional<PortClues.Clue> badSure = clues.stream().filter(c -> !c.valid() && c.strength() >= PortClues.SURE)
                    .findFirst();
            if (badSure.isPresent()) {
                return port(given, String.valueOf(badSure.get().port()));
            }
            Integer usual = USUAL_PORTS.get(tool);
            if (usual != null) {
                String host = PortClues.hostInWords(text);
                return readable(given, InputKind.MESSAGE, usual, host, symptom, tool, List.of(), "", true);
            }
            List<Integer> lone = symptom == Symptom.NONE && tool.isEmpty() ? PortClues.loneNumberPorts(text) : List.of();
            if (lone.size() == 1) {
                return readable(given, InputKind.MESSAGE, lone.get(0), "", symptom, tool, List.of(), "", false);
            }
            return new Unreadable(given, noPort(symptom, tool, lone));
        }
        PortClues.Clue chosen = best.get();
        int port = chosen.port();
        String host = chosen.host();
        if (host.isEmpty()) {
            host = clues.stream().filter(c -> c.port() == port && !c.host().isEmpty()
                    && c.strength() >= PortClues.HOST_NAME).map(PortClues.Clue::host).findFirst()
                    .orElse(PortClues.hostInWords(text));
        }
        String scheme = !chosen.scheme().isEmpty() ? chosen.scheme()
                : clues.stream().filter(c -> c.port() == port && !c.scheme().isEmpty()).map(PortClues.Clue::scheme)
                        .findFirst().orElse("");
        List<Integer> others = PortClues.distinctPorts(clues.stream()
                .filter(c -> c.strength() >= PortClues.HOST_NAME && c.port() != port).toList());
        return readable(given, InputKind.MESSAGE, port, host, symptom, tool, others, scheme, false);
    }

    private static String noPort(Symptom symptom, String tool, List<Integer> several) {
        if (several.size() > 1) {
            String list = String.join(", ", several.stream().limit(5).map(String::valueOf).toList());
            return Texts.get("diagnose.input.several", list, String.valueOf(several.get(0)));
        }
        if (BROWSERS.contains(tool)) {
            return Texts.get("diagnose.input.noPort.browser");
        }
        if (symptom == Symptom.NONE) {
            return Texts.get("diagnose.input.noPort");
        }
        String what = Texts.get("diagnose.symptom." + symptom.id());
        String said = tool.isEmpty() ? what : Texts.get("diagnose.input.toolSaid", Texts.get("diagnose.tool." + tool), what);
        return Texts.get(symptom.intent() == Symptom.Intent.BIND ? "diagnose.input.noPort.bind"
                : "diagnose.input.noPort.connect", said);
    }

    private static Readable readable(String given, InputKind kind, int port, String host, Symptom symptom, String tool,
            List<Integer> others, String scheme, boolean assumed) {
        return new Readable(new DiagnosisInput(given, kind, port, host, symptom, tool, others, scheme, assumed));
    }

    /** Control characters (a pasted terminal line may carry colour codes) become spaces; tabs and line breaks stay. */
    static String sanitize(String raw) {
        String text = raw.indexOf('\u001b') >= 0 ? ANSI.matcher(raw).replaceAll("") : raw;
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || (c >= 0x80 && c <= 0x9f)
                    || c == '\r' || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e
                    || c == 0x200f || c == 0x2028 || c == 0x2029 || c == 0xfeff;
            if (control) {
                if (sb == null) {
                    sb = new StringBuilder(text.length()).append(text, 0, i);
                }
                sb.append(c == '\r' ? '\n' : ' ');
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }
}
