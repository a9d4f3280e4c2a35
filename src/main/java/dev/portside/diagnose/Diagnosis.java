package dev.portside.diagnose;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Portside found for one input: the findings (problems first) and the facts behind them.
 *
 * @param input what was read from the user's text
 * @param findings the findings, problems first
 * @param facts what was read from this computer
 * @param factLines the facts in plain lines ("localhost resolves to 127.0.0.1, ::1", "connect to
 *     [::1]:3000: refused in 0 ms"), for the window's "facts" section and the terminal
 */
public record Diagnosis(DiagnosisInput input, List<Finding> findings, Facts facts, List<String> factLines) {

    /** {@code portside why} exits 0 when nothing is wrong (a listener answers), 1 when a finding is a problem. */
    public static final int EXIT_FINE = 0;
    public static final int EXIT_PROBLEM = 1;
    /** No port could be read from the input. */
    public static final int EXIT_UNREADABLE = 2;

    public Diagnosis {
        Objects.requireNonNull(input, "input");
        findings = List.copyOf(findings);
        Objects.requireNonNull(facts, "facts");
        factLines = List.copyOf(factLines);
    }

    public boolean problem() {
        return findings.stream().anyMatch(Finding::problem);
    }

    public int exitCode() {
        return problem() ? EXIT_PROBLEM : EXIT_FINE;
    }

    /** The finding to show first: the first problem, else the first finding. */
    public Optional<Finding> headline() {
        return findings.stream().filter(Finding::problem).findFirst().or(() -> findings.stream().findFirst());
    }

    public Optional<Finding> finding(FindingCode code) {
        return findings.stream().filter(f -> f.code() == code).findFirst();
    }

    /** True when a connect to the port worked. */
    public boolean listenerAnswers() {
        return facts.attempts().stream().anyMatch(ConnectAttempt::connected);
    }
}
