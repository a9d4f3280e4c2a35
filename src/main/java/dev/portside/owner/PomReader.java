package dev.portside.owner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

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

    /** {@code <?xml version="1.0" encoding="UTF-8" standalone="no"?>}, each part as XML allows it. */
    private static final Pattern DECLARATION = Pattern.compile("<\\?xml[ \\t\\r\\n]+version[ \\t\\r\\n]*=[ \\t\\r\\n]*"
            + "(?:\"1\\.0\"|'1\\.0')(?:[ \\t\\r\\n]+encoding[ \\t\\r\\n]*=[ \\t\\r\\n]*(?:\"[A-Za-z][A-Za-z0-9._-]*\""
            + "|'[A-Za-z][A-Za-z0-9._-]*'))?(?:[ \\t\\r\\n]+standalone[ \\t\\r\\n]*=[ \\t\\r\\n]*(?:\"(?:yes|no)\"|'(?:yes|no)'))?"
            + "[ \\t\\r\\n]*\\?>");

    /** Deeper than this (never in a real pom), or past the JDK's own limits: the JDK's parser decides. */
    private static final int MAX_DEPTH = 256;
    private static final int MAX_NAME = 1000;
    private static final int MAX_ATTRIBUTES = 10_000;

    private final String s;
    private int i;
    private int depth;

    private PomReader(String text) {
        this.s = text;
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
        checkCharacters();
        if (s.startsWith("<?xml")) {
            var m = DECLARATION.matcher(s);
            if (!m.lookingAt()) {
                throw new GiveUp();
            }
            i = m.end();
        }
        misc();
        if (i >= s.length() || s.charAt(i) != '<') {
            throw new GiveUp(); // no root element, or text before it
        }
        Element root = element();
        misc();
        if (i != s.length()) {
            throw new GiveUp(); // something after the root element
        }
        return root;
    }

    /** Every character one XML 1.0 allows (tab, newline, carriage return and the rest from space up). */
    private void checkCharacters() throws GiveUp {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0xD800 && (c > 0xFFFD || c < 0xE000)) {
                throw new GiveUp(); // a control character, a surrogate (pairs are rare in a pom), U+FFFE/FFFF
            }
        }
    }

    /** Whitespace and comments. */
    private void misc() throws GiveUp {
        while (true) {
            skipSpace();
            if (s.startsWith("<!--", i)) {
                comment();
            } else {
                return;
            }
        }
    }

    private void comment() throws GiveUp {
        int end = s.indexOf("--", i + 4);
        if (end < 0 || !s.startsWith("-->", end)) {
            throw new GiveUp(); // unclosed, or "--" inside a comment (not allowed)
        }
        i = end + 3;
    }

    private Element element() throws GiveUp {
        if (++depth > MAX_DEPTH) {
            throw new GiveUp();
        }
        i++; // '<'
        String tag = name();
        Element e = new Element(tag);
        Set<String> attributes = new HashSet<>();
        while (true) {
            boolean space = skipSpace();
            if (i >= s.length()) {
                throw new GiveUp();
            }
            char c = s.charAt(i);
            if (c == '/') {
                if (!s.startsWith("/>", i)) {
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
            if (!attributes.add(attribute) || attributes.size() > MAX_ATTRIBUTES) {
                throw new GiveUp(); // the same attribute twice
            }
            skipSpace();
            if (i >= s.length() || s.charAt(i) != '=') {
                throw new GiveUp();
            }
            i++;
            skipSpace();
            if (i >= s.length() || (s.charAt(i) != '"' && s.charAt(i) != '\'')) {
                throw new GiveUp();
            }
            char quote = s.charAt(i);
            int end = s.indexOf(quote, i + 1);
            if (end < 0) {
                throw new GiveUp();
            }
            for (int k = i + 1; k < end; k++) {
                if (s.charAt(k) == '<' || s.charAt(k) == '&') {
                    throw new GiveUp();
                }
            }
            i = end + 1;
        }
        // content, up to the end tag
        StringBuilder text = new StringBuilder();
        while (true) {
            if (i >= s.length()) {
                throw new GiveUp(); // never closed
            }
            char c = s.charAt(i);
            if (c == '<') {
                if (s.startsWith("</", i)) {
                    flush(e, text);
                    i += 2;
                    if (!name().equals(tag)) {
                        throw new GiveUp(); // closes another element
                    }
                    skipSpace();
                    if (i >= s.length() || s.charAt(i) != '>') {
                        throw new GiveUp();
                    }
                    i++;
                    depth--;
                    return e;
                }
                if (s.startsWith("<!--", i)) {
                    flush(e, text); // the DOM's text nodes around a comment: their text is the same either way
                    comment();
                    continue;
                }
                if (s.startsWith("<!", i) || s.startsWith("<?", i)) {
                    throw new GiveUp(); // CDATA, a declaration, a processing instruction
                }
                flush(e, text);
                e.content.add(element());
                continue;
            }
            if (c == '&') {
                throw new GiveUp(); // an entity or character reference
            }
            if (c == '>' && i >= 2 && s.startsWith("]]>", i - 2)) {
                throw new GiveUp(); // "]]>" is not allowed in text
            }
            if (c == '\r') {
                text.append('\n'); // line ends read as the parser reads them: \r\n and \r as \n
                i += s.startsWith("\r\n", i) ? 2 : 1;
                continue;
            }
            text.append(c);
            i++;
        }
    }

    private static void flush(Element e, StringBuilder text) {
        if (text.length() > 0) {
            e.content.add(text.toString());
            text.setLength(0);
        }
    }

    /** An ASCII XML name ({@code groupId}, {@code xsi:schemaLocation}); anything else gives up. */
    private String name() throws GiveUp {
        int start = i;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean first = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':';
            boolean later = first || (c >= '0' && c <= '9') || c == '-' || c == '.';
            if (!(i == start ? first : later)) {
                break;
            }
            i++;
        }
        if (i == start || i - start > MAX_NAME || (i < s.length() && s.charAt(i) > 0x7F)) {
            throw new GiveUp();
        }
        return s.substring(start, i);
    }

    /** Skips XML whitespace; true when there was some. */
    private boolean skipSpace() {
        int start = i;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                break;
            }
            i++;
        }
        return i > start;
    }
}
