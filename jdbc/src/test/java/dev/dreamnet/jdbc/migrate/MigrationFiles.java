package dev.dreamnet.jdbc.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes migration files into a test's directory. Not thread-safe. */
final class MigrationFiles {

    private final Path directory;

    MigrationFiles(Path directory) {
        this.directory = directory;
    }

    MigrationFiles up(int version, String name, String sql) {
        return write("V" + version + "__" + name + ".up.sql", sql);
    }

    MigrationFiles down(int version, String name, String sql) {
        return write("V" + version + "__" + name + ".down.sql", sql);
    }

    MigrationFiles write(String fileName, String text) {
        try {
            Files.writeString(directory.resolve(fileName), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    MigrationFiles delete(String fileName) {
        try {
            Files.delete(directory.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path directory() {
        return directory;
    }

    MigrationSource source() {
        return MigrationSource.directory(directory);
    }
}
