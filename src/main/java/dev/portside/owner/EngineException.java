package dev.portside.owner;

/** A container engine could not be asked; {@link #problem()} says why, for the user. */
public final class EngineException extends Exception {

    private final transient EngineProblem problem;

    public EngineException(EngineProblem problem) {
        super(problem.kind() + (problem.detail().isEmpty() ? "" : ": " + problem.detail()));
        this.problem = problem;
    }

    public EngineProblem problem() {
        return problem;
    }
}
