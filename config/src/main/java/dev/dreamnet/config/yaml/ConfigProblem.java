package dev.dreamnet.config.yaml;

import dev.dreamnet.config.internal.Text;
import java.util.Objects;

/**
 * One thing wrong with a configuration file, located as precisely as known. {@link #toString()}
 * is the one line shown to people: {@code FILE:LINE: PATH: what is wrong}, for example
 * {@code config/resilience.yaml:12: services.provider.breaker.resetTimeout: must be > 0, was 0s}.
 *
 * @param source  the file as the user named it, never null
 * @param line    the 1-based line of the setting, or 0 when not known
 * @param path    the setting, dotted ({@code services.provider.timeout}), or empty for the whole file
 * @param message what is wrong, in plain words
 */
public record ConfigProblem(String source, int line, String path, String message) {

    /** Makes every part one line long, so that no value from the file can break the message. */
    public ConfigProblem {
        source = Text.oneLine(Objects.requireNonNull(source, "source"));
        path = path == null ? "" : Text.oneLine(path);
        message = Text.oneLine(Objects.requireNonNull(message, "message"));
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, was " + line);
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(message).toString();
    }
}
