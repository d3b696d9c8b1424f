package dev.dreamnet.config.reload;

import dev.dreamnet.config.yaml.ConfigException;
import java.nio.file.Path;

/**
 * Reads and validates one configuration file whole, such as {@code FlagsFile::load}. It returns a
 * complete value or throws; it never returns part of a configuration. Implementations are called
 * from the reloader's polling thread and must be thread-safe (a stateless loader is).
 *
 * @param <T> the immutable value the file describes
 */
@FunctionalInterface
public interface Loader<T> {

    /**
     * The value the file at {@code file} holds now, never null.
     *
     * @throws ConfigException listing every problem, each {@code file:line: path: what is wrong}
     */
    T load(Path file) throws ConfigException;
}
