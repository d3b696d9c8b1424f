package dev.dreamnet.config.yaml;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration file that cannot be used: it cannot be read, is not safe YAML or has invalid
 * settings. It carries every problem found, each one line; its message lists them one per line.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    /** An exception listing {@code problems}, which must not be empty. */
    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order found. */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
