package dev.portside.diagnose;

import dev.portside.core.Printable;
import dev.portside.knowledge.Texts;

/** A diagnosis as plain text: for the terminal ({@code portside why}) and the window's "copy". */
public final class DiagnosisText {

    private DiagnosisText() {
    }

    public static String of(Diagnosis d) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : d.findings()) {
            sb.append(Texts.get("why.severity." + f.severity().id(), f.code().id())).append(' ').append(f.message())
                    .append('\n');
            if (!f.action().isEmpty()) {
                sb.append("  ").append(Texts.get("why.action", f.action())).append('\n');
            }
        }
        sb.append('\n').append(Texts.get("why.facts")).append('\n');
        for (String line : d.factLines()) {
            sb.append("  ").append(line).append('\n');
        }
        return sb.toString();
    }

    /** The input as it may be echoed: one line, escaped, cut at 120 characters. */
    public static String echo(String text) {
        String one = Printable.of(text == null ? "" : text.strip());
        return one.length() > 120 ? one.substring(0, 119) + "\u2026" : one;
    }
}
