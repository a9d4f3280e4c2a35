package dev.portside.ui.filter;

import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The filter language of the search field, parsed once per keystroke. Pure: no JavaFX.
 *
 * <ul>
 *   <li>Words (separated by spaces) must all match, case-insensitively, somewhere in the port, a
 *       process name, a pid, the address (or {@code address:port}), the user or the likely owner's
 *       label, or be the protocol ("tcp", "udp"). {@code "two words"} in quotes is one word.</li>
 *   <li>{@code :3000} or {@code port:3000} is port 3000 exactly; {@code :3000-3999} a range.</li>
 *   <li>{@code pid:123} a pid exactly; {@code user:}, {@code process:} ({@code proc:}),
 *       {@code addr:} ({@code address:}) and {@code owner:} look in one field only.</li>
 *   <li>{@code -word} excludes what matches the word.</li>
 * </ul>
 *
 * Text that makes no sense ({@code :abc}, {@code port:99999}) never throws; it matches nothing.
 * An unknown prefix ({@code 127.0.0.1:80}, {@code ::1}) is an ordinary word.
 */
public final class FilterQuery {

    private static final FilterQuery EMPTY = new FilterQuery("", List.of());

    private final String text;
    private final List<Term> terms;

    private FilterQuery(String text, List<Term> terms) {
        this.text = text;
        this.terms = terms;
    }

    /** Parses any text, never throws; {@code null} or blank is the empty query that matches everything. */
    public static FilterQuery parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        List<Term> terms = new ArrayList<>();
        for (String word : split(text)) {
            Term t = term(word);
            if (t != null) {
                terms.add(t);
            }
        }
        return new FilterQuery(text, List.copyOf(terms));
    }

    public static FilterQuery empty() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    public String text() {
        return text;
    }

    /** Whether a socket matches; {@code ownerLabel} is the likely owner's label ("" when unknown). */
    public boolean test(ListeningSocket socket, String ownerLabel) {
        if (terms.isEmpty()) {
            return true;
        }
        Fields f = Fields.of(socket, ownerLabel);
        for (Term t : terms) {
            if (!t.test(f)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a port where nothing listens (a pinned port's "not listening" row) matches: only its
     * number can match.
     */
    public boolean testPort(int port) {
        if (terms.isEmpty()) {
            return true;
        }
        Fields f = Fields.ofPort(port);
        for (Term t : terms) {
            if (!t.test(f)) {
                return false;
            }
        }
        return true;
    }

    public Predicate<ListeningSocket> asPredicate(Function<ListeningSocket, String> ownerLabel) {
        Objects.requireNonNull(ownerLabel);
        return s -> test(s, safeLabel(ownerLabel, s));
    }

    /** A label function that fails or returns null counts as "no label". */
    static String safeLabel(Function<ListeningSocket, String> ownerLabel, ListeningSocket s) {
        try {
            String label = ownerLabel.apply(s);
            return label == null ? "" : label;
        } catch (RuntimeException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return "FilterQuery" + terms;
    }

    // --- parsing ---------------------------------------------------------------------------

    /** Splits on white space, keeping "quoted phrases" together; an unclosed quote runs to the end. */
    private static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                continue;
            }
            if (!quoted && Character.isWhitespace(c)) {
                if (current.length() > 0) {
                    words.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            words.add(current.toString());
        }
        return words;
    }

    /** One word as a term, or null when it says nothing (an incomplete "pid:"). */
    private static Term term(String word) {
        if (word.length() > 1 && word.charAt(0) == '-') {
            Term inner = term(word.substring(1));
            return inner == null ? null : new Not(inner);
        }
        String lower = word.toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        if (colon >= 0) {
            String key = lower.substring(0, colon);
            String value = lower.substring(colon + 1);
            switch (key) {
                case "", "port" -> {
                    // ":1" or "::1" is an IPv6 address being typed, not a port.
                    if (key.isEmpty() && !value.isEmpty() && !value.chars().allMatch(ch -> ch == '-' || isDigit(ch))) {
                        return new Word(lower);
                    }
                    return value.isEmpty() ? null : portRange(value);
                }
                case "pid" -> {
                    return value.isEmpty() ? null : new PidIs(parseIntOr(value, -1));
                }
                case "user" -> {
                    return value.isEmpty() ? null : new In(Field.USER, value);
                }
                case "process", "proc" -> {
                    return value.isEmpty() ? null : new In(Field.PROCESS, value);
                }
                case "addr", "address" -> {
                    return value.isEmpty() ? null : new In(Field.ADDRESS, value);
                }
                case "owner" -> {
                    return value.isEmpty() ? null : new In(Field.OWNER, value);
                }
                default -> {
                    return new Word(lower);
                }
            }
        }
        return new Word(lower);
    }

    private static Term portRange(String value) {
        int dash = value.indexOf('-');
        int from;
        int to;
        if (dash < 0) {
            from = parseIntOr(value, -1);
            to = from;
        } else {
            from = parseIntOr(value.substring(0, dash), -1);
            to = parseIntOr(value.substring(dash + 1), -1);
        }
        if (from < 0 || to < 0 || from > 65535 || to > 65535 || from > to) {
            return Nothing.INSTANCE;
        }
        return new PortIn(from, to);
    }

    private static boolean isDigit(int ch) {
        return ch >= '0' && ch <= '9';
    }

    private static int parseIntOr(String s, int fallback) {
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(FilterQuery::isDigit)) {
            return fallback;
        }
        return Integer.parseInt(s);
    }

    // --- matching --------------------------------------------------------------------------

    private enum Field { PORT, PROCESS, PID, ADDRESS, USER, OWNER, PROTOCOL }

    /** The searchable text of one row, lower case. */
    private record Fields(int port, String portText, List<String> processes, List<Integer> pids, String address,
            String endpoint, List<String> users, String owner, String protocol) {

        static Fields of(ListeningSocket s, String ownerLabel) {
            List<String> names = new ArrayList<>(s.owners().size());
            List<Integer> pids = new ArrayList<>(s.owners().size());
            List<String> users = new ArrayList<>(s.owners().size());
            for (ProcessInfo p : s.owners()) {
                names.add(p.displayName().toLowerCase(Locale.ROOT));
                pids.add(p.pid());
                if (!p.user().isEmpty()) {
                    users.add(p.user().toLowerCase(Locale.ROOT));
                }
            }
            return new Fields(s.port(), Integer.toString(s.port()), names, pids,
                    s.address().toString().toLowerCase(Locale.ROOT), s.endpoint().toLowerCase(Locale.ROOT), users,
                    ownerLabel == null ? "" : ownerLabel.toLowerCase(Locale.ROOT), s.protocol().id());
        }

        static Fields ofPort(int port) {
            return new Fields(port, Integer.toString(port), List.of(), List.of(), "", "", List.of(), "", "");
        }

        boolean contains(Field field, String needle) {
            return switch (field) {
                case PORT -> portText.contains(needle);
                case PROCESS -> processes.stream().anyMatch(n -> n.contains(needle));
                case PID -> pids.stream().anyMatch(p -> Integer.toString(p).contains(needle));
                case ADDRESS -> !address.isEmpty() && (address.contains(needle) || endpoint.contains(needle));
                case USER -> users.stream().anyMatch(u -> u.contains(needle));
                case OWNER -> owner.contains(needle);
                case PROTOCOL -> !protocol.isEmpty() && protocol.equals(needle);
            };
        }
    }

    private sealed interface Term permits Word, In, PortIn, PidIs, Not, Nothing {
        boolean test(Fields f);
    }

    /** A free word: anywhere. */
    private record Word(String needle) implements Term {
        @Override
        public boolean test(Fields f) {
            for (Field field : Field.values()) {
                if (f.contains(field, needle)) {
                    return true;
                }
            }
            return false;
        }
    }

    private record In(Field field, String needle) implements Term {
        @Override
        public boolean test(Fields f) {
            return f.contains(field, needle);
        }
    }

    private record PortIn(int from, int to) implements Term {
        @Override
        public boolean test(Fields f) {
            return f.port() >= from && f.port() <= to;
        }
    }

    private record PidIs(int pid) implements Term {
        @Override
        public boolean test(Fields f) {
            return pid >= 0 && f.pids().contains(pid);
        }
    }

    private record Not(Term inner) implements Term {
        @Override
        public boolean test(Fields f) {
            return !inner.test(f);
        }
    }

    /** Text that cannot mean anything, e.g. port 99999. */
    private enum Nothing implements Term {
        INSTANCE;

        @Override
        public boolean test(Fields f) {
            return false;
        }
    }
}
