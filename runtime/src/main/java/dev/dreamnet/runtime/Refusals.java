package dev.dreamnet.runtime;

import dev.dreamnet.config.reload.ReloadingFile;
import java.util.Optional;

/** The line an operator reads when a watched file's last change was refused, so it does not stay in the log only. */
final class Refusals {

    private Refusals() {
    }

    /** {@code FILE was not reloaded: PROBLEM (...)} while {@code file}'s latest version is refused, else empty. */
    static Optional<String> of(ReloadingFile<?> file) {
        return file.lastError().map(error -> file.file() + " was not reloaded: " + error.problems().get(0)
                + (error.problems().size() > 1 ? " (and " + (error.problems().size() - 1) + " more)" : "")
                + "; the last good version stays in force");
    }
}
