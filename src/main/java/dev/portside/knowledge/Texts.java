package dev.portside.knowledge;

import dev.portside.core.BundledFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * Every user-facing sentence, from one resource bundle ({@code dev/portside/messages.properties}).
 * Patterns use {@link MessageFormat}: write {@code ''} for an apostrophe.
 */
public final class Texts {

    /**
     * Looked up with the usual fall-back through the locale's candidates ({@code messages_de_CH},
     * {@code messages_de}, {@code messages}), as properties files in Portside's own jar only
     * ({@link OwnFiles}).
     */
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.portside.messages", Locale.getDefault(),
            new OwnFiles());

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
        String plain = withTexts(pattern, args);
        return plain != null ? plain : new MessageFormat(pattern, Locale.getDefault()).format(args);
    }

    /** Whether this locale writes numbers with the digits 0-9 (not so in Persian, for one). */
    private static boolean asciiDigits() {
        return java.text.DecimalFormatSymbols.getInstance(Locale.getDefault()).getZeroDigit() == '0';
    }

    /**
     * What {@link MessageFormat} makes of a pattern whose placeholders are all plain {@code {N}}
     * with texts, or {@code {N,number,#}} with a whole number that is not negative, without parsing
     * the pattern into a MessageFormat (a command's sentences: {@code list} writes several per
     * socket); null when the pattern has quotes, other typed placeholders ({@code {0,number,integer}},
     * choices), another kind of argument, or a locale that writes other digits. {@code TextsTest}
     * compares both for every text of the bundle.
     */
    static String withTexts(String pattern, Object[] args) {
        StringBuilder sb = new StringBuilder(pattern.length() + 32);
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == '\'' || c == '}') {
                return null;
            }
            if (c != '{') {
                sb.append(c);
                i++;
                continue;
            }
            int close = pattern.indexOf('}', i);
            if (close < 0 || close == i + 1) {
                return null;
            }
            // {N,number,#} with a whole number: its digits, as DecimalFormat("#") writes them where the
            // locale's digits are 0-9 (the pid of "node (pid 4190)", in every owner's sentence)
            boolean plainNumber = false;
            int end = close;
            if (close > i + 3 && pattern.startsWith(",number,#}", close - 9) && close - 9 <= i + 3) {
                plainNumber = true;
                end = close - 9;
            } else if (close > i + 3) {
                return null;
            }
            if (end == i + 1) {
                return null; // no argument number
            }
            int index = 0;
            for (int k = i + 1; k < end; k++) {
                char d = pattern.charAt(k);
                if (d < '0' || d > '9') {
                    return null;
                }
                index = index * 10 + (d - '0');
            }
            if (index < args.length) {
                Object a = args[index];
                if (plainNumber) {
                    if (!((a instanceof Integer || a instanceof Long) && ((Number) a).longValue() >= 0
                            && asciiDigits())) {
                        return null;
                    }
                    sb.append(((Number) a).longValue());
                } else if (a != null && !(a instanceof String)) {
                    return null; // a number or a date: MessageFormat formats it for the locale
                } else {
                    sb.append(a == null ? "null" : (String) a);
                }
            } else if (plainNumber) {
                return null;
            } else {
                sb.append('{').append(index).append('}'); // as MessageFormat leaves a missing argument
            }
            i = close + 1;
        }
        return sb.toString();
    }

    public static ResourceBundle bundle() {
        return BUNDLE;
    }

    /**
     * The bundle's properties files read from Portside's jar ({@link BundledFiles}), as the JDK's
     * own control reads them (UTF-8, else ISO-8859-1). The JDK's default control would also look
     * for a class of each name and for {@code ResourceBundleControlProvider} services, and look in
     * every jar on the class path for the locales that have no file (about 20 ms of a command;
     * docs/PERFORMANCE.md, "Start-up of a command").
     */
    private static final class OwnFiles extends ResourceBundle.Control {
        @Override
        public List<String> getFormats(String baseName) {
            return FORMAT_PROPERTIES;
        }

        @Override
        public ResourceBundle newBundle(String baseName, Locale locale, String format, ClassLoader loader,
                boolean reload) throws IOException {
            String file = "/" + toResourceName(toBundleName(baseName, locale), "properties");
            try (InputStream in = BundledFiles.open(Texts.class, file)) {
                if (in == null) {
                    return null;
                }
                if (!file.equals(CompiledTexts.PROPERTIES)) {
                    return new PropertyResourceBundle(in);
                }
                // the base texts: from the form the build compiled them into when made from this very file
                byte[] properties = in.readAllBytes();
                ResourceBundle compiled = CompiledTexts.readBundled(properties);
                return compiled != null ? compiled : new PropertyResourceBundle(new ByteArrayInputStream(properties));
            }
        }
    }
}
