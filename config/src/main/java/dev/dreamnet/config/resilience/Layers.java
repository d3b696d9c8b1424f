package dev.dreamnet.config.resilience;

import dev.dreamnet.config.yaml.Problems;
import dev.dreamnet.config.yaml.Section;
import java.util.Collection;
import java.util.Optional;

/**
 * A service's own section of settings over the section it inherits from {@code defaults}: each
 * setting is read from the service when it has it, else from the defaults, so values are merged
 * field by field. Problems are recorded where the value was found; a problem of the defaults is
 * recorded once however many services inherit it. Not thread-safe.
 */
final class Layers {

    /** Reads one setting from one section. */
    interface Reader<T> {
        Optional<T> read(Section section, String key);
    }

    private final Section own;
    private final Section inherited;
    private final Problems problems;
    private final boolean inheritedValid;

    private Layers(Section own, Section inherited, Problems problems, boolean inheritedValid) {
        this.own = own;
        this.inherited = inherited;
        this.problems = problems;
        this.inheritedValid = inheritedValid;
    }

    /** The defaults read on their own. */
    static Layers of(Section own, Problems problems) {
        return new Layers(own, null, problems, true);
    }

    /** A service's {@code own} settings over {@code inherited} ones, which were found valid or not. */
    static Layers of(Section own, Section inherited, Problems problems, boolean inheritedValid) {
        return new Layers(own, inherited, problems, inheritedValid);
    }

    /** The settings at {@code key} in both layers, merged field by field in turn. */
    Layers section(String key) {
        return new Layers(own.section(key), inherited == null ? null : inherited.section(key), problems,
                inheritedValid);
    }

    /** A mark to pass to {@link #validSince} later. */
    int mark() {
        return problems.count();
    }

    /**
     * Whether every value read since {@code mark} was valid, so that checks across settings are
     * meaningful: no new problem, and nothing inherited from defaults that are themselves wrong.
     */
    boolean validSince(int mark) {
        return inheritedValid && problems.count() == mark;
    }

    /** The section at {@code key} taken as a whole from the service if it has one, else from the defaults. */
    Section whole(String key) {
        return own.has(key) || inherited == null ? own.section(key) : inherited.section(key);
    }

    <T> Optional<T> pick(String key, Reader<T> reader) {
        return own.has(key) || inherited == null ? reader.read(own, key) : reader.read(inherited, key);
    }

    /** Checks the keys of the service's own section; the inherited one is checked on its own. */
    void allowOnly(Collection<String> known) {
        own.allowOnly(known);
    }

    /** Records a problem with the merged settings, placed at the service's own section. */
    void problem(String message) {
        own.problem(message);
    }
}
