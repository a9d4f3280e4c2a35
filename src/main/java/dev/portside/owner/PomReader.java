package dev.portside.owner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The elements and text of an ordinary pom.xml, read without the JDK's XML parser: setting that
 * parser up and running it on a 24 KB pom took 45-55 ms of a command in a young JVM, the largest
 * part of describing a Java program's project (docs/PERFORMANCE.md, "Start-up of a command").
 *
 * <p>It reads a strict part of XML only: an optional XML declaration first, elements with quoted
 * attributes, text, comments. Anything else (a DOCTYPE, an entity or character reference, CDATA, a
 * processing instruction, a character XML does not allow, a name outside ASCII, a tag that does
 * not close, text outside the root) makes it give up and return null; {@link Manifests} then asks
 * the JDK's parser, which decides as before. So a file is never read differently: what this class
 * accepts is well-formed XML, and it returns the same elements and text as the JDK's parser
 * ({@code PomReaderTest} compares both on well-formed, unusual and broken poms).
 */
final class PomReader {

    /** What the pom's reader looks at: an element, its child elements and its text (both readers give it). */
    interface Node {
        String tag();

        /** The first child element with this tag, or null. */
        Node child(String name);

        /** The child elements, in order. */
        List<? extends Node> elements();

        /** The text of this element and every element in it, in order (the DOM's getTextContent). */
        String text();
    }

    /** An element: its tag and its content in order (text as String, child elements as Element). */
    static final class Element implements Node {
        final String tag;
        final List<Object> content = new ArrayList<>();

        Element(String tag) {
            this.tag = tag;
        }

        @Override
        public String tag() {
            return tag;
        }

        @Override
        public Element child(String name) {
            for (Object o : content) {
                if (o instanceof Element e && e.tag.equals(name)) {
                    return e;
                }
            }
            return null;
        }

        @Override
        public List<Element> elements() {
            List<Element> list = new ArrayList<>();
            for (Object o : content) {
                if (o instanceof Element e) {
                    list.add(e);
                }
            }
            return list;
        }

        @Override
        public String text() {
            StringBuilder sb = new StringBuilder();
            appendText(sb);
            return sb.toString();
        }

        private void appendText(StringBuilder sb) {
            for (Object o : content) {
                if (o instanceof Element e) {
                    e.appendText(sb);
                } else {
                    sb.append((String) o);
                }
            }
        }
    }

    /** Deeper than this (never in a real pom), or past the JDK's own limits: the JDK's parser decides. */
    private static final int MAX_DEPTH = 256;
    private static final int MAX_NAME = 1000;
    private static final int MAX_ATTRIBUTES = 10_000;

    /**
     * The text as an array: in a young JVM this reader runs in the interpreter, where a
     * {@code String.charAt} is a call of three methods and an array's element one instruction
     * (the same reader on the String took 5-10 ms for Portside's own 25 KB pom; docs/PERFORMANCE.md,
     * "Fourth round: the commands").
     */
    private final char[] s;
    private final int n;
    private int i;
    private int depth;

    private PomReader(String text) {
        this.s = text.toCharArray();
        this.n = s.length;
    }

    /** The root element, or null when the text is not in the part of XML this class reads. */
    static Element read(String text) {
        try {
            return new PomReader(text).document();
        } catch (GiveUp e) {
            return null;
        }
    }

    /** Not in the part of XML read here: the JDK's parser decides. */
    private static final class GiveUp extends Exception {
        GiveUp() {
            super(null, null, false, false); // no stack trace: it is an answer, not an error
        }
    }

    private Element document() throws GiveUp {
        // Every character is checked by the loop that reads it (text, attribute values, comments):
        // names, whitespace and the declaration take only ASCII characters XML allows anyway.
        if (at("<?xml", 0)) {
            declaration();
        }
        misc();
        if (i >= n || s[i] != '<') {
            throw new GiveUp(); // no root element, or text before it
        }
        Element root = element();
        misc();
        if (i != n) {
            throw new GiveUp(); // something after the root element
        }
        return root;
    }

    /**
     * {@code <?xml version="1.0" encoding="UTF-8" standalone="no"?>}, each part as XML allows it:
     * {@code <?xml}, whitespace, {@code version="1.0"} (or in single quotes), then optionally
     * whitespace and {@code encoding="A-Za-z[A-Za-z0-9._-]*"}, optionally whitespace and
     * {@code standalone="yes"} or {@code "no"}, optional whitespace, {@code ?>}; anything else gives up.
     */
    private void declaration() throws GiveUp {
        i = 5; // "<?xml"
        if (!skipSpace() || !attribute("version")) {
            throw new GiveUp();
        }
        int quote = quoteAt();
        if (quote < 0 || !at("1.0", i + 1) || !at(quote, i + 4)) {
            throw new GiveUp();
        }
        i += 5;
        int before = i;
        if (skipSpace() && at("encoding", i)) {
            if (!attribute("encoding")) {
                throw new GiveUp();
            }
            int q = quoteAt();
            if (q < 0) {
                throw new GiveUp();
            }
            int k = i + 1;
            if (k >= n || !letter(s[k])) {
                throw new GiveUp();
            }
            k++;
            while (k < n && (letter(s[k]) || (s[k] >= '0' && s[k] <= '9') || s[k] == '.' || s[k] == '_' || s[k] == '-')) {
                k++;
            }
            if (!at(q, k)) {
                throw new GiveUp();
            }
            i = k + 1;
            before = i;
        } else {
            i = before;
        }
        if (skipSpace() && at("standalone", i)) {
            if (!attribute("standalone")) {
                throw new GiveUp();
            }
            int q = quoteAt();
            if (q >= 0 && at("yes", i + 1) && at(q, i + 4)) {
                i += 5;
            } else if (q >= 0 && at("no", i + 1) && at(q, i + 3)) {
                i += 4;
            } else {
                throw new GiveUp();
            }
        } else {
            i = before;
        }
        skipSpace();
        if (!at("?>", i)) {
            throw new GiveUp();
        }
        i += 2;
    }

    /** {@code name}, optional whitespace, "=", optional whitespace; true when they are there. */
    private boolean attribute(String name) {
        if (!at(name, i)) {
            return false;
        }
        i += name.length();
        skipSpace();
        if (i >= n || s[i] != '=') {
            return false;
        }
        i++;
        skipSpace();
        return true;
    }

    /** The quote at {@code i} (" or '), or -1. */
    private int quoteAt() {
        return i < n && (s[i] == '"' || s[i] == '\'') ? s[i] : -1;
    }

    private static boolean letter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** True when the text has {@code literal} at {@code at}. */
    private boolean at(String literal, int at) {
        int len = literal.length();
        if (at < 0 || at + len > n) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (s[at + k] != literal.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private boolean at(int c, int at) {
        return at < n && s[at] == c;
    }

    /**
     * Gives up on a character XML 1.0 does not allow (it allows tab, newline, carriage return and the
     * rest from space up, without surrogates and U+FFFE/FFFF): a control character, a surrogate
     * (pairs are rare in a pom: the JDK's parser reads those), U+FFFE/FFFF.
     */
    private static void allowed(char c) throws GiveUp {
        if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0xD800 && (c > 0xFFFD || c < 0xE000)) {
            throw new GiveUp();
        }
    }

    /** Whitespace and comments. */
    private void misc() throws GiveUp {
        while (true) {
            skipSpace();
            if (at("<!--", i)) {
                comment();
            } else {
                return;
            }
        }
    }

    private void comment() throws GiveUp {
        // the first "--" after "<!--" must be the end, "-->" ("--" inside a comment is not allowed)
        for (int k = i + 4; k + 1 < n; k++) {
            allowed(s[k]);
            if (s[k] == '-' && s[k + 1] == '-') {
                if (k + 2 < n && s[k + 2] == '>') {
                    i = k + 3;
                    return;
                }
                throw new GiveUp();
            }
        }
        throw new GiveUp(); // unclosed
    }

    private Element element() throws GiveUp {
        if (++depth > MAX_DEPTH) {
            throw new GiveUp();
        }
        i++; // '<'
        int tagStart = i;
        String tag = name();
        int tagLength = i - tagStart;
        Element e = new Element(tag);
        Set<String> attributes = null;
        while (true) {
            boolean space = skipSpace();
            if (i >= n) {
                throw new GiveUp();
            }
            char c = s[i];
            if (c == '/') {
                if (!at('>', i + 1)) {
                    throw new GiveUp();
                }
                i += 2;
                depth--;
                return e;
            }
            if (c == '>') {
                i++;
                break;
            }
            if (!space) {
                throw new GiveUp(); // attributes are separated by whitespace
            }
            String attribute = name();
            if (attributes == null) {
                attributes = new HashSet<>();
            }
            if (!attributes.add(attribute) || attributes.size() > MAX_ATTRIBUTES) {
                throw new GiveUp(); // the same attribute twice
            }
            skipSpace();
            if (i >= n || s[i] != '=') {
                throw new GiveUp();
            }
            i++;
            skipSpace();
            int quote = quoteAt();
            if (quote < 0) {
                throw new GiveUp();
            }
            int k = i + 1;
            while (k < n && s[k] != quote) {
                if (s[k] == '<' || s[k] == '&') {
                    throw new GiveUp();
                }
                allowed(s[k]);
                k++;
            }
            if (k >= n) {
                throw new GiveUp();
            }
            i = k + 1;
        }
        // content, up to the end tag
        StringBuilder text = null; // only for text with a \r in it
        while (true) {
            // a run of text up to the next markup
            int start = i;
            boolean cr = false;
            while (i < n) {
                char c = s[i];
                if (c == '<') {
                    break;
                }
                if (c == '&') {
                    throw new GiveUp(); // an entity or character reference
                }
                if (c == '>' && i >= start + 2 && s[i - 1] == ']' && s[i - 2] == ']') {
                    throw new GiveUp(); // "]]>" is not allowed in text
                }
                if (c < 0x20 || c >= 0xD800) {
                    allowed(c);
                    cr |= c == '\r';
                }
                i++;
            }
            if (i > start) {
                if (cr || text != null) {
                    if (text == null) {
                        text = new StringBuilder();
                    }
                    appendLines(text, start, i);
                } else {
                    e.content.add(new String(s, start, i - start));
                }
            }
            if (i >= n) {
                throw new GiveUp(); // never closed
            }
            // s[i] == '<'
            if (at('/', i + 1)) {
                flush(e, text);
                i += 2;
                if (!closes(tagStart, tagLength)) {
                    throw new GiveUp(); // closes another element
                }
                skipSpace();
                if (i >= n || s[i] != '>') {
                    throw new GiveUp();
                }
                i++;
                depth--;
                return e;
            }
            if (at("<!--", i)) {
                flush(e, text); // the DOM's text nodes around a comment: their text is the same either way
                comment();
                continue;
            }
            if (at('!', i + 1) || at('?', i + 1)) {
                throw new GiveUp(); // CDATA, a declaration, a processing instruction
            }
            flush(e, text);
            e.content.add(element());
        }
    }

    /** Text with its line ends read as the parser reads them: \r\n and \r as \n. */
    private void appendLines(StringBuilder text, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = s[k];
            if (c == '\r') {
                text.append('\n');
                if (k + 1 < to && s[k + 1] == '\n') {
                    k++;
                }
            } else {
                text.append(c);
            }
        }
    }

    private static void flush(Element e, StringBuilder text) {
        if (text != null && text.length() > 0) {
            e.content.add(text.toString());
            text.setLength(0);
        }
    }

    /** Which ASCII characters may start a name (1) and continue it (2). */
    private static final byte[] NAME = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            boolean first = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':';
            boolean later = first || (c >= '0' && c <= '9') || c == '-' || c == '.';
            NAME[c] = (byte) ((first ? 1 : 0) | (later ? 2 : 0));
        }
    }

    /** An ASCII XML name ({@code groupId}, {@code xsi:schemaLocation}); anything else gives up. */
    private String name() throws GiveUp {
        int start = i;
        if (i < n && s[i] < 128 && (NAME[s[i]] & 1) != 0) {
            i++;
            while (i < n && s[i] < 128 && (NAME[s[i]] & 2) != 0) {
                i++;
            }
        }
        if (i == start || i - start > MAX_NAME || (i < n && s[i] > 0x7F)) {
            throw new GiveUp();
        }
        return new String(s, start, i - start);
    }

    /**
     * True when the name at {@link #i} is the start tag's name (at {@code tagStart}), as
     * {@code name().equals(tag)} would say, without making a string of it; moves past it.
     */
    private boolean closes(int tagStart, int tagLength) throws GiveUp {
        if (i + tagLength > n) {
            return false;
        }
        for (int k = 0; k < tagLength; k++) {
            if (s[i + k] != s[tagStart + k]) {
                return false;
            }
        }
        int end = i + tagLength;
        if (end < n && (s[end] > 0x7F || (NAME[s[end]] & 2) != 0)) {
            return false; // a longer name, or one that goes on outside ASCII
        }
        i = end;
        return true;
    }

    /** Skips XML whitespace; true when there was some. */
    private boolean skipSpace() {
        int start = i;
        while (i < n) {
            char c = s[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                break;
            }
            i++;
        }
        return i > start;
    }
}
