package dev.dreamnet.jdbc.migrate.internal;

import dev.dreamnet.jdbc.migrate.Migration;
import dev.dreamnet.jdbc.migrate.MigrationException;
import dev.dreamnet.jdbc.migrate.MigrationSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** SQL migration files under a directory, read afresh on each {@link #load()}. Thread-safe. */
public final class DirectorySource implements MigrationSource {

    private final Path directory;

    public DirectorySource(Path directory) {
        this.directory = directory;
    }

    @Override
    public List<Migration> load() {
        if (!Files.isDirectory(directory)) {
            throw new MigrationException(directory + ": migrations directory does not exist");
        }
        return Sources.fromFiles(read(directory));
    }

    /** Every {@code .sql} file under {@code root}, its text read only when asked. */
    static List<SqlFile> read(Path root) {
        List<SqlFile> files = new ArrayList<>();
        try {
            collect(root, files);
        } catch (IOException | UncheckedIOException e) {
            throw new MigrationException(root + ": cannot read migrations: " + e.getMessage(), e);
        }
        return files;
    }

    /** Names ending in {@code .sql} are taken as files without a stat each: a no-op run lists 1,000s of them. */
    private static void collect(Path directory, List<SqlFile> files) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.endsWith(".sql")) {
                    files.add(new SqlFile(entry.toString(), name, () -> readText(entry)));
                } else if (Files.isDirectory(entry)) {
                    collect(entry, files);
                }
            }
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public String description() {
        return directory.toString();
    }
}
