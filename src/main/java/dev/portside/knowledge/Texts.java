package dev.portside.knowledge;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every user-facing sentence, from one resource bundle ({@code dev/portside/messages.properties}).
 * Patterns use {@link MessageFormat}: write {@code ''} for an apostrophe.
 */
public final class Texts {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.portside.messages", Locale.getDefault());

    private Texts() {
    }

    /** The text for a key, with {0}, {1}, … filled in. */
    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        if (args.length == 0 && pattern.indexOf('\'') < 0) {
            return pattern;
        }
        return new MessageFormat(pattern, Locale.getDefault()).format(args);
    }

    public static ResourceBundle bundle() {
        return BUNDLE;
    }
}
