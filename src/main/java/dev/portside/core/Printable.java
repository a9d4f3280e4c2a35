package dev.portside.core;

/**
 * Text from the system (process names, command lines, paths, user names) made safe to show. Anyone
 * can name a process {@code "new\nline"} or put an escape sequence in its command line; shown raw, the
 * first breaks a table across lines and the second reaches the terminal as a command. As {@code lsof}
 * does, control characters are written as C escapes ({@code \n}, {@code \t}) or hex ({@code \x1b}),
 * and the invisible Unicode characters that reorder or split lines as {@code \u202e}.
 *
 * <p>Only what is shown is escaped: JSON keeps the real value (Gson escapes it as JSON does), and
 * the identity checks compare real values.
 */
public final class Printable {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Printable() {
    }

    /** The text with every control character escaped; the same string when there is none (the usual case). */
    public static String of(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        int i = 0;
        while (i < text.length() && !needsEscape(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 8).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!needsEscape(c)) {
                sb.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c <= 0xff) {
                        sb.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        sb.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** True when the text would be shown differently (it holds a control character). */
    public static boolean needsEscaping(String text) {
        return text != null && !of(text).equals(text);
    }

    /**
     * C0 and C1 control characters and DEL; the line and paragraph separators; the bidirectional
     * controls that can make a command line read differently from what runs (the "Trojan Source"
     * characters).
     */
    private static boolean needsEscape(char c) {
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
            return true;
        }
        if (c < 0x200e) {
            return c == 0x061c;
        }
        return c == 0x200e || c == 0x200f || c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }
}
