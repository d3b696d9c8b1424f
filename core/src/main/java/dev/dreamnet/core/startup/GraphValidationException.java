package dev.dreamnet.core.startup;

import java.util.List;
import java.util.stream.Collectors;

/** A startup graph that cannot be started; its message lists every problem, one per line. */
public final class GraphValidationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<GraphProblem> problems;

    public GraphValidationException(List<GraphProblem> problems) {
        super(problems.stream().map(GraphProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty");
        }
        this.problems = List.copyOf(problems);
    }

    public List<GraphProblem> problems() {
        return problems;
    }
}
