package dev.portside.diagnose;

import java.util.List;
import java.util.Objects;

/**
 * One thing Portside found about the port, in words for a beginner.
 *
 * @param code the stable code
 * @param severity good news, a note, or the problem
 * @param message what is going on, in one or two sentences
 * @param action the one thing to do about it, in words ("" when there is nothing to do)
 * @param actions the same as buttons: free the port, open or copy a URL, copy a command
 */
public record Finding(FindingCode code, Severity severity, String message, String action, List<FindingAction> actions) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        action = Objects.requireNonNullElse(action, "");
        actions = List.copyOf(actions);
    }

    public boolean problem() {
        return severity == Severity.PROBLEM;
    }
}
