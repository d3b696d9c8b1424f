package dev.dreamnet.jdbc.migrate.internal;

import java.util.function.Supplier;

/**
 * A {@code .sql} file a source found: where it is (path or resource name, for messages), its bare file
 * name, and how to read its text when it is needed. Immutable.
 */
public record SqlFile(String location, String fileName, Supplier<String> text) {
}
