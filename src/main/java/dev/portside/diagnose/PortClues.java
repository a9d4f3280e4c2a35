package dev.portside.diagnose;

import dev.portside.core.IpAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ports (and hosts) a message names, each with how sure the words make it. A URL with a port,
 * "port 3000", {@code 127.0.0.1:3000}, {@code [::1]:3000}, Node's {@code :::3000} and
 * {@code ::1:3000}, Python's {@code ('127.0.0.1', 8000)}, wget's {@code |::1|:3000}, libpq's
 * {@code .s.PGSQL.5432} are sure; a host name with a port less so; a lone number in unknown text
 * least. Line numbers in stack traces ({@code node:net:1908:16}, {@code Net.java:555},
 * {@code socket.rb:1214}), times, versions and error numbers are not ports.
 */
final class PortClues {

    /** How sure a clue is. */
    static final int SURE = 6;
    static final int LOCAL_URL_DEFAULT = 5;
    static final int SOCKET_FILE = 5;
    static final int BARE_COLON = 4;
    static final int HOST_NAME = 3;
    static final int OTHER_URL_DEFAULT = 1;

    /**
     * One clue.
     *
     * @param port the number (may be out of range: the caller says what is wrong with it)
     * @param host the host it goes with, or ""
     * @param strength how sure
     * @param at where in the text it starts
     * @param scheme the URL scheme when the clue is a URL, else ""
     */
    record Clue(int port, String host, int strength, int at, String scheme) {

        boolean valid() {
            return port >= 1 && port <= 65535;
        }
    }

    private static final int CI = Pattern.CASE_INSENSITIVE;
    private static final String NOT_AFTER = "(?<![\\w:./\\\\\\-\\[])";
    private static final String PORT = "(\\d{1,6})(?![\\w]|[:.]\\d)";

    private static final Pattern URL = Pattern.compile(
            "\\b([a-z][a-z0-9+.-]{1,15})://(?:[^@/\\s]*@)?(\\[[^\\]\\s]+\\]|[^\\s:/?#'\"<>()\\[\\],]+)(?::(\\d{1,6}))?", CI);
    private static final Pattern PORT_WORD = Pattern.compile(
            "\\bport\\b\\s*(?:[=:]\\s*|\\s)['\"]?" + PORT, CI);
    private static final Pattern QUOTED_PORT_KEY = Pattern.compile("[\"']port[\"']\\s*[:=]\\s*" + PORT, CI);
    private static final Pattern BRACKETED = Pattern.compile("\\[([0-9a-f:.]+(?:%[\\w.-]+)?)\\]:" + PORT, CI);
    private static final Pattern IPV4 = Pattern.compile(NOT_AFTER + "(\\d{1,3}(?:\\.\\d{1,3}){3}):" + PORT);
    private static final Pattern WILDCARD = Pattern.compile(NOT_AFTER + "(\\*):" + PORT);
    private static final Pattern IPV6_NODE = Pattern.compile(
            "(?<![\\w.\\[:])((?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}):" + PORT, CI);
    private static final Pattern WGET = Pattern.compile("\\|([0-9a-f.:]+)\\|:" + PORT, CI);
    private static final Pattern PY_TUPLE = Pattern.compile("\\(\\s*['\"]([^'\"\\s]*)['\"]\\s*,\\s*(\\d{1,6})\\s*[,)]");
    private static final Pattern PG_SOCKET = Pattern.compile("\\.s\\.PGSQL\\.(\\d{1,6})\\b");
    private static final Pattern BARE_PORT = Pattern.compile("(?<=^|[\\s(\"'=])(:)(\\d{1,6})(?!\\d|[:.]\\d)");
    private static final Pattern HOST_NAME_PORT = Pattern.compile(
            NOT_AFTER + "([a-z][\\w-]*(?:\\.[\\w-]+)*):" + PORT, CI);
    private static final Pattern LONE = Pattern.compile("(?<![\\w.:/\\\\#\\-])(\\d{1,6})(?![\\w.:/\\\\%\\-]|\\s*ms\\b)");

    /** Where a host stands next to words instead of a colon: "to localhost port 22", "at \"db\"". */
    private static final List<Pattern> HOST_WORDS = List.of(
            Pattern.compile("\\bto (?:host )?([\\w.:%-]+|\\[[^\\]]+\\]) port \\d", CI),
            Pattern.compile("\\bfor \"([^\"]+)\" port \\d", CI),
            Pattern.compile("server at \"([^\"]+)\"", CI),
            Pattern.compile("on host \"([^\"]+)\"", CI),
            Pattern.compile("\\bhost='([^']+)'", CI),
            Pattern.compile("server on '([^':]+)'", CI),
            Pattern.compile("\\bIs the server running on host \"([^\"]+)\"", CI),
            Pattern.compile("^(?:[^\\n]*?)\\b([\\w.-]+|\\[[^\\]]+\\]) refused to connect", CI | Pattern.MULTILINE));

    /** Words before a number that make it something other than a port. */
    private static final Set<String> NOT_PORT_WORDS = Set.of("errno", "error", "winerror", "line", "pid", "code",
            "version", "exit", "status", "after", "v", "node.js", "python", "java", "build", "in", "at", "#", "x",
            "attempt", "attempts", "retry", "retries", "of", "ms", "s", "seconds", "minutes", "year", "day");

    /** Source files: {@code Net.java:555} is a line number. */
    private static final Pattern SOURCE_FILE = Pattern.compile(
            ".*\\.(?:js|mjs|cjs|jsx|ts|tsx|py|pyc|java|kt|scala|groovy|rb|go|php|c|cc|cpp|h|hpp|cs|rs|swift|m|ex|exs|erl|lua|pl|sh|ps1|vue|svelte|json|yml|yaml|toml|txt|log)$",
            CI);

    private static final Set<String> NOT_HOSTS = Set.of("node", "internal", "file", "line", "at", "in", "from", "error",
            "errno", "code", "port", "address", "syscall", "host", "http", "https", "eval", "anonymous", "native", "and",
            "or", "the", "to", "on", "tcp", "udp", "debug", "info", "warn", "warning", "log", "hint", "fatal", "exception",
            "caused", "c", "d", "e", "jar");

    /** Ports a scheme means when the URL names none. */
    static final Map<String, Integer> SCHEME_PORTS = Map.ofEntries(Map.entry("http", 80), Map.entry("https", 443),
            Map.entry("ws", 80), Map.entry("wss", 443), Map.entry("ftp", 21), Map.entry("ssh", 22),
            Map.entry("postgres", 5432), Map.entry("postgresql", 5432), Map.entry("mysql", 3306),
            Map.entry("mariadb", 3306), Map.entry("redis", 6379), Map.entry("rediss", 6379),
            Map.entry("mongodb", 27017), Map.entry("amqp", 5672), Map.entry("amqps", 5671), Map.entry("ldap", 389),
            Map.entry("smtp", 25), Map.entry("nats", 4222), Map.entry("mqtt", 1883));

    private PortClues() {
    }

    /** Every clue in the text, in the order found (by kind). */
    static List<Clue> find(String text) {
        List<Clue> clues = new ArrayList<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String scheme = m.group(1).toLowerCase(Locale.ROOT);
            String host = unbracket(m.group(2));
            if (m.group(3) != null) {
                clues.add(new Clue(number(m.group(3)), host, SURE, m.start(), scheme));
            } else if (SCHEME_PORTS.containsKey(scheme)) {
                boolean local = isLocalName(host);
                clues.add(new Clue(SCHEME_PORTS.get(scheme), host, local ? LOCAL_URL_DEFAULT : OTHER_URL_DEFAULT,
                        m.start(), scheme));
            }
        }
        add(clues, PORT_WORD, text, -1, 1, SURE);
        add(clues, QUOTED_PORT_KEY, text, -1, 1, SURE);
        add(clues, BRACKETED, text, 1, 2, SURE);
        add(clues, IPV4, text, 1, 2, SURE);
        add(clues, WILDCARD, text, 1, 2, SURE);
        add(clues, WGET, text, 1, 2, SURE);
        add(clues, PY_TUPLE, text, 1, 2, SURE);
        add(clues, PG_SOCKET, text, -1, 1, SOCKET_FILE);
        add(clues, BARE_PORT, text, -1, 2, BARE_COLON);
        m = IPV6_NODE.matcher(text);
        while (m.find()) {
            String host = m.group(1);
            if (host.contains("::") || host.chars().filter(c -> c == ':').count() == 7) {
                if (isIpLiteral(host)) {
                    clues.add(new Clue(number(m.group(2)), host, SURE, m.start(), ""));
                }
            }
        }
        m = HOST_NAME_PORT.matcher(text);
        while (m.find()) {
            String host = m.group(1);
            String lower = host.toLowerCase(Locale.ROOT);
            if (SOURCE_FILE.matcher(host).matches() || NOT_HOSTS.contains(lower) || followsScheme(text, m.end(1))) {
                continue;
            }
            boolean local = isLocalName(lower);
            clues.add(new Clue(number(m.group(2)), host, local ? SURE : HOST_NAME, m.start(), ""));
        }
        clues.sort(Comparator.comparingInt(Clue::at));
        return clues;
    }

    /**
     * The port a text without any other clue names: a number that stands alone ("my app on 3000
     * shows nothing"), neither part of a time, an address, a version or a line number, nor right
     * after "Errno", "line", "pid", "code" and the like. It must follow a word that places it ("on",
     * "at", "to", "use") unless the text is short and holds no other number. Empty when there is no
     * such number; several when the text names more than one.
     */
    static List<Integer> loneNumberPorts(String text) {
        List<LoneNumber> lone = loneNumbers(text);
        Set<Integer> placed = new LinkedHashSet<>();
        Set<Integer> all = new LinkedHashSet<>();
        for (LoneNumber n : lone) {
            if (n.port() >= 1 && n.port() <= 65535) {
                all.add(n.port());
                if (n.placed()) {
                    placed.add(n.port());
                }
            }
        }
        if (!placed.isEmpty()) {
            return List.copyOf(placed);
        }
        boolean shortAndAlone = all.size() == 1 && lone.size() == 1 && text.strip().length() <= SHORT_TEXT
                && DIGITS.matcher(text).results().count() == 1;
        return shortAndAlone || all.size() > 1 ? List.copyOf(all) : List.of();
    }

    /** A number standing alone; placed when the word before it puts it somewhere ("on 3000"). */
    private record LoneNumber(int port, boolean placed) {
    }

    private static final int SHORT_TEXT = 100;
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Set<String> PLACING_WORDS = Set.of("on", "at", "to", "use", "uses", "using", "used", "listen",
            "listens", "listening", "serve", "serves", "serving", "bind", "binds", "open", "opens", "reach", "port",
            "ports", "via", "from", "into", "onto", "localhost", "behind", "expose", "exposes", "publish", "publishes");

    private static List<LoneNumber> loneNumbers(String text) {
        List<LoneNumber> numbers = new ArrayList<>();
        Matcher m = LONE.matcher(text);
        while (m.find()) {
            String before = previousWord(text, m.start());
            if (NOT_PORT_WORDS.contains(before.toLowerCase(Locale.ROOT))) {
                continue;
            }
            char open = m.start() > 0 ? text.charAt(m.start() - 1) : ' ';
            char close = m.end() < text.length() ? text.charAt(m.end()) : ' ';
            if ((open == '(' && close == ')') || (open == '[' && close == ']')) {
                continue; // "(111)", "[32115]": an error number or a pid
            }
            numbers.add(new LoneNumber(number(m.group(1)), PLACING_WORDS.contains(before.toLowerCase(Locale.ROOT))));
        }
        return numbers;
    }

    /** A host the text names next to words ("connect to host localhost port 22"), or "". */
    static String hostInWords(String text) {
        int bestAt = Integer.MAX_VALUE;
        String best = "";
        for (Pattern p : HOST_WORDS) {
            Matcher m = p.matcher(text);
            if (m.find() && m.start(1) < bestAt) {
                bestAt = m.start(1);
                best = unbracket(m.group(1));
            }
        }
        return best;
    }

    /** The distinct valid ports among the clues, in order. */
    static List<Integer> distinctPorts(List<Clue> clues) {
        Set<Integer> ports = new LinkedHashSet<>();
        for (Clue c : clues) {
            if (c.valid()) {
                ports.add(c.port());
            }
        }
        return List.copyOf(ports);
    }

    static boolean isLocalName(String host) {
        String h = unbracket(host).toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        return literal(h).map(a -> a.unmapped().isLoopback() || a.unmapped().isWildcard()).orElse(false);
    }

    static Optional<IpAddress> literal(String host) {
        try {
            return Optional.of(IpAddress.parse(host));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isIpLiteral(String host) {
        return literal(host).isPresent();
    }

    static String unbracket(String host) {
        String h = host == null ? "" : host;
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private static void add(List<Clue> clues, Pattern p, String text, int hostGroup, int portGroup, int strength) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            String host = hostGroup < 0 ? "" : m.group(hostGroup);
            if (p == IPV4 && !isIpLiteral(host)) {
                continue; // 999.1.2.3 is not an address
            }
            clues.add(new Clue(number(m.group(portGroup)), unbracket(host), strength, m.start(), ""));
        }
    }

    private static boolean followsScheme(String text, int end) {
        return text.startsWith("//", end + 1);
    }

    private static String previousWord(String text, int at) {
        int end = at;
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t' || text.charAt(end - 1) == '[')) {
            end--;
        }
        int start = end;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1)) && text.charAt(start - 1) != '['
                && text.charAt(start - 1) != '(') {
            start--;
        }
        String word = text.substring(start, end);
        return word.replaceAll("[:,;]$", "");
    }

    private static int number(String digits) {
        return digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }
}
