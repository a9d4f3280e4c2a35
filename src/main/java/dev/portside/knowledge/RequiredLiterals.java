package dev.portside.knowledge;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The texts one of which every match of a regular expression contains, read from the expression:
 * {@code (?:^|[\s/\\])vite(?:\.js|\.mjs)?(?:\s|$)|[/\\]vite[/\\]bin[/\\]} cannot match a text
 * without "vite". The tool catalogue checks them before it compiles or runs a pattern
 * ({@link ToolPattern}): most of its 120 patterns never get that far for a given process, and
 * compiling all of them and running each over every command line was about a third of
 * {@code portside who}'s CPU (docs/PERFORMANCE.md, step 28).
 *
 * <p>Only a plain part of the syntax is read: literal characters and escaped punctuation, groups
 * {@code (...)} and {@code (?:...)}, alternatives, character classes, {@code . ^ $}, the escapes
 * {@code \s \S \d \D \w \W \b \B \h \H \v \V} and the quantifiers {@code ? * + {n} {n,} {n,m}}
 * (greedy, lazy or possessive). Anything else (look-arounds, flags, named groups, back references,
 * {@code \p{...}}, {@code \Q...\E}, a quantifier without an atom) gives no literals at all: the
 * pattern then always runs. The literals are in lower case (ASCII letters only, as
 * {@code CASE_INSENSITIVE} without {@code UNICODE_CASE} compares them), so a text is checked in
 * {@link #lower} form.
 */
final class RequiredLiterals {

    private static final String[] NONE = new String[0];

    private RequiredLiterals() {
    }

    /** The literals, one of which every match contains; empty when the expression requires none known here. */
    static String[] of(String regex) {
        Parser p = new Parser(regex);
        Set<String> found = p.alternation();
        if (p.unknown || p.pos != regex.length() || found == null || found.isEmpty()) {
            return NONE;
        }
        return found.toArray(NONE);
    }

    /** True when {@code required} is empty or {@code lowered} (a text in {@link #lower} form) contains one of them. */
    static boolean anyIn(String[] required, String lowered) {
        if (required.length == 0) {
            return true;
        }
        for (String r : required) {
            if (lowered.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** The text with ASCII upper-case letters in lower case, nothing else changed. */
    static String lower(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = text.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= 'A' && chars[j] <= 'Z') {
                        chars[j] = (char) (chars[j] + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return text;
    }

    /** A recursive reader of the plain part of the syntax; {@code unknown} once it meets anything else. */
    private static final class Parser {
        private final String re;
        int pos;
        boolean unknown;

        Parser(String re) {
            this.re = re;
        }

        /** Alternatives: one of the literals of any of them (null: an alternative requires nothing). */
        Set<String> alternation() {
            Set<String> all = new LinkedHashSet<>();
            boolean none = false;
            while (true) {
                Set<String> branch = concatenation();
                if (unknown) {
                    return null;
                }
                if (branch == null) {
                    none = true;
                } else {
                    all.addAll(branch);
                }
                if (pos < re.length() && re.charAt(pos) == '|') {
                    pos++;
                } else {
                    return none ? null : all;
                }
            }
        }

        /**
         * A sequence: every atom that must occur requires its literals, and a run of literal
         * characters that each occur exactly once in a row requires that run. The most selective
         * requirement is kept (the one whose shortest literal is longest); null when none.
         */
        private Set<String> concatenation() {
            Set<String> best = null;
            StringBuilder run = new StringBuilder();
            while (pos < re.length() && !unknown) {
                char c = re.charAt(pos);
                if (c == '|' || c == ')') {
                    break;
                }
                int literal = -1; // the atom is this one character, or -1
                Set<String> atom = null; // what a non-literal atom requires, or null
                if (c == '(') {
                    pos++;
                    if (re.startsWith("?:", pos)) {
                        pos += 2;
                    } else if (pos < re.length() && re.charAt(pos) == '?') {
                        unknown = true; // look-around, flags, a named or atomic group
                        break;
                    }
                    atom = alternation();
                    if (unknown || pos >= re.length() || re.charAt(pos) != ')') {
                        unknown = true;
                        break;
                    }
                    pos++;
                } else if (c == '[') {
                    skipClass();
                } else if (c == '\\') {
                    if (pos + 1 >= re.length()) {
                        unknown = true;
                        break;
                    }
                    char e = re.charAt(pos + 1);
                    if (Character.isLetterOrDigit(e)) {
                        if ("sSdDwWbBhHvV".indexOf(e) < 0) {
                            unknown = true; // \p{..}, \x.., \Q, \k<..>, \1 ...: not read here
                            break;
                        }
                    } else {
                        literal = e;
                    }
                    pos += 2;
                } else if (c == '.' || c == '^' || c == '$') {
                    pos++;
                } else if (c == '*' || c == '+' || c == '?' || c == '{') {
                    unknown = true; // a quantifier without an atom, or '{' as a character
                    break;
                } else {
                    literal = c;
                    pos++;
                }
                int min = quantifier(); // 0: may be absent; 1: exactly once; 2: once or more
                if (unknown) {
                    break;
                }
                if (literal >= 0 && min >= 1) {
                    run.append(lowerAscii((char) literal));
                    if (min == 1) {
                        continue;
                    }
                }
                // the run ends here: what follows need not be next to it
                best = better(best, run);
                run.setLength(0);
                if (literal < 0 && min >= 1 && atom != null) {
                    best = better(best, atom);
                }
            }
            return better(best, run);
        }

        /** Reads the quantifier after an atom, if any: 0 (may be absent), 1 (exactly once), 2 (once or more). */
        private int quantifier() {
            if (pos >= re.length()) {
                return 1;
            }
            char q = re.charAt(pos);
            int min;
            if (q == '?' || q == '*') {
                min = 0;
                pos++;
            } else if (q == '+') {
                min = 2;
                pos++;
            } else if (q == '{') {
                int close = re.indexOf('}', pos);
                if (close < 0) {
                    unknown = true;
                    return 0;
                }
                String body = re.substring(pos + 1, close);
                int comma = body.indexOf(',');
                String low = comma < 0 ? body : body.substring(0, comma);
                if (low.isEmpty() || !digits(low) || (comma >= 0 && !digits(body.substring(comma + 1)))) {
                    unknown = true;
                    return 0;
                }
                int n = low.length() > 4 ? 9999 : Integer.parseInt(low);
                boolean exact = comma < 0 || body.substring(comma + 1).equals(low);
                min = n == 0 ? 0 : n == 1 && exact ? 1 : 2;
                pos = close + 1;
            } else {
                return 1;
            }
            if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
                pos++; // lazy or possessive: the same characters
            }
            return min;
        }

        private static boolean digits(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }

        /** Past a character class, nested ones and escapes included. */
        private void skipClass() {
            int depth = 0;
            int i = pos;
            while (i < re.length()) {
                char c = re.charAt(i);
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '[') {
                    depth++;
                    i++;
                    if (i < re.length() && re.charAt(i) == '^') {
                        i++;
                    }
                    if (i < re.length() && re.charAt(i) == ']') {
                        i++; // a ']' first in a class is the character itself
                    }
                    continue;
                }
                if (c == ']') {
                    depth--;
                    i++;
                    if (depth == 0) {
                        pos = i;
                        return;
                    }
                    continue;
                }
                i++;
            }
            unknown = true;
        }

        private static Set<String> better(Set<String> best, StringBuilder run) {
            if (run.length() == 0) {
                return best;
            }
            Set<String> one = new LinkedHashSet<>();
            one.add(run.toString());
            return better(best, one);
        }

        private static Set<String> better(Set<String> best, Set<String> candidate) {
            if (candidate.isEmpty() || candidate.contains("")) {
                return best;
            }
            return best == null || shortest(candidate) > shortest(best) ? candidate : best;
        }

        private static int shortest(Set<String> literals) {
            int min = Integer.MAX_VALUE;
            for (String s : literals) {
                min = Math.min(min, s.length());
            }
            return min;
        }

        private static char lowerAscii(char c) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
    }
}
