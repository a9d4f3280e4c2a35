package dev.portside.action;

import dev.portside.core.PortCategory;
import dev.portside.knowledge.Texts;

/**
 * A port number as a person types it: "3000" or ":3000". The GUI's free-port field and the CLI's
 * {@code who}/{@code free} arguments use this one check, so both say the same thing.
 */
public final class PortInput {

    private PortInput() {
    }

    /** The outcome of reading the text: a port, or a message that says what is wrong. */
    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(int port) implements Result {
    }

    public record Invalid(String input, String message) implements Result {
    }

    public static Result parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.startsWith(":")) {
            s = s.substring(1).strip();
        }
        if (s.isEmpty()) {
            return new Invalid(text, Texts.get("action.port.empty"));
        }
        if (s.length() > 1 && s.charAt(0) == '-' && digits(s, 1)) {
            return new Invalid(text, Texts.get("action.port.negative", s));
        }
        if (!digits(s, 0)) {
            return new Invalid(text, Texts.get("action.port.notNumber", s));
        }
        int zeros = 0;
        while (zeros < s.length() - 1 && s.charAt(zeros) == '0') {
            zeros++; // leading zeros go, the last digit stays
        }
        String digits = s.substring(zeros);
        if (digits.length() > 5 || Integer.parseInt(digits) > PortCategory.MAX_PORT) {
            return new Invalid(text, Texts.get("action.port.tooBig", s));
        }
        int port = Integer.parseInt(digits);
        if (port == 0) {
            return new Invalid(text, Texts.get("action.port.zero"));
        }
        return new Valid(port);
    }

    /**
     * True when every character from {@code from} on is an ASCII digit (what {@code \\d} means in a
     * Java pattern; checked without one: the first pattern of a command costs it several ms).
     */
    private static boolean digits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
