package dev.portside.knowledge;

import java.util.regex.Pattern;

/**
 * One pattern of the tool catalogue (case-insensitive): for a process name, which it must match
 * whole, or for a command line, in which it must be found. It is compiled when a text first
 * contains one of its {@link RequiredLiterals}, and run only on such texts: the answer is the
 * pattern's own ({@code ToolPatternTest} compares both on every pattern of the catalogue), without
 * compiling 120 patterns and running each over every command line in every command
 * (docs/PERFORMANCE.md, step 28). Safe to use from several threads.
 */
public final class ToolPattern {

    private final String regex;
    private final boolean whole;
    private final String[] required;
    private volatile Pattern compiled;

    private ToolPattern(String regex, boolean whole, String[] literals) {
        this.regex = regex;
        this.whole = whole;
        this.required = literals != null ? literals.clone() : RequiredLiterals.of(regex);
    }

    /**
     * A pattern the whole text must match (a process name). Null for none. {@code literals} are its
     * {@link RequiredLiterals} as the build read them ({@code CompiledCatalogue}), or null to read them now.
     */
    static ToolPattern whole(String regex, String[] literals) {
        return regex == null || regex.isBlank() ? null : new ToolPattern(regex, true, literals);
    }

    /** A pattern to find in the text (a command line). Null for none; {@code literals} as for {@link #whole}. */
    static ToolPattern find(String regex, String[] literals) {
        return regex == null || regex.isBlank() ? null : new ToolPattern(regex, false, literals);
    }

    static ToolPattern whole(String regex) {
        return whole(regex, null);
    }

    static ToolPattern find(String regex) {
        return find(regex, null);
    }

    /** The regular expression as compiled ("(?:...)" around a whole-name pattern). */
    public String pattern() {
        return whole ? "(?:" + regex + ")" : regex;
    }

    /** The compiled pattern (compiled now if it was not yet). */
    public Pattern compiled() {
        Pattern p = compiled;
        if (p == null) {
            p = Pattern.compile(pattern(), Pattern.CASE_INSENSITIVE);
            compiled = p; // two threads may both compile it: the same pattern either way
        }
        return p;
    }

    /** True when the text matches (whole) or contains a match; {@code lowered} is {@code RequiredLiterals.lower(text)}. */
    boolean test(String text, String lowered) {
        if (!RequiredLiterals.anyIn(required, lowered)) {
            return false;
        }
        return whole ? compiled().matcher(text).matches() : compiled().matcher(text).find();
    }

    /** {@link #test(String, String)} for a single text. */
    public boolean test(String text) {
        return test(text, RequiredLiterals.lower(text));
    }

    /** The literals one of which a text must contain to match (empty: none known); for tests. */
    String[] required() {
        return required.clone();
    }
}
