package dev.dreamnet.reference;

import java.util.List;

/**
 * The configuration {@code dreamnet serve} was given cannot be used; nothing was started and no port
 * was opened. Its message lists every problem, one per line, each naming the file (and the line).
 */
public final class PreflightException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    /** An exception listing {@code problems}, which must not be empty. */
    public PreflightException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one line each, in the order found. */
    public List<String> problems() {
        return problems;
    }
}
