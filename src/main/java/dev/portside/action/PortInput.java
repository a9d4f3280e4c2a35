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
        if (s.matches("-\\d+")) {
            return new Invalid(text, Texts.get("action.port.negative", s));
        }
        if (!s.matches("\\d+")) {
            return new Invalid(text, Texts.get("action.port.notNumber", s));
        }
        String digits = s.replaceFirst("^0+(?=\\d)", "");
        if (digits.length() > 5 || Integer.parseInt(digits) > PortCategory.MAX_PORT) {
            return new Invalid(text, Texts.get("action.port.tooBig", s));
        }
        int port = Integer.parseInt(digits);
        if (port == 0) {
            return new Invalid(text, Texts.get("action.port.zero"));
        }
        return new Valid(port);
    }
}
