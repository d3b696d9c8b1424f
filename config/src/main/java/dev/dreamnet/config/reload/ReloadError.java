package dev.dreamnet.config.reload;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why the latest version of a reloaded file was refused, for the endpoint that shows it: the
 * last good version stays active meanwhile. Immutable and thread-safe.
 *
 * @param problems         every problem, one line each, {@code file:line: path: what is wrong}
 * @param at               when the version was refused (wall clock)
 * @param attemptedVersion the refused content's hash ({@code sha256:3f2a9c01b7e4}); empty when
 *                         the file could not be read at all
 */
public record ReloadError(List<String> problems, Instant at, Optional<String> attemptedVersion) {

    /** Copies {@code problems}, which must not be empty. */
    public ReloadError {
        problems = List.copyOf(problems);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty");
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(attemptedVersion, "attemptedVersion");
    }

    /** The problems, one per line. */
    public String message() {
        return String.join("\n", problems);
    }
}
