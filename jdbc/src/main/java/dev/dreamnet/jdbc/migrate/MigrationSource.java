package dev.dreamnet.jdbc.migrate;

import dev.dreamnet.jdbc.migrate.internal.ClasspathSource;
import dev.dreamnet.jdbc.migrate.internal.DirectorySource;
import dev.dreamnet.jdbc.migrate.internal.Sources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where migrations come from: SQL file pairs {@code V<version>__<name>.up.sql} /
 * {@code V<version>__<name>.down.sql} in a directory or on the classpath (also inside a jar), Java
 * {@link Migration}s, or several of these combined. {@link #load()} reads them afresh on each call.
 * Implementations are thread-safe.
 */
public interface MigrationSource {

    /**
     * The migrations in version order.
     *
     * @throws MigrationException naming the file when one is misnamed, unreadable, or a version repeats
     */
    List<Migration> load();

    /** Says where the migrations come from, for messages. */
    String description();

    /** SQL files under {@code directory} and its subdirectories. */
    static MigrationSource directory(Path directory) {
        return new DirectorySource(directory);
    }

    /** SQL files under {@code location} (such as {@code db/migration}) on this library's class path. */
    static MigrationSource classpath(String location) {
        return classpath(location, MigrationSource.class.getClassLoader());
    }

    /** SQL files under {@code location} in every directory and jar that {@code loader} sees. */
    static MigrationSource classpath(String location, ClassLoader loader) {
        return new ClasspathSource(location, loader);
    }

    /** Java migrations. */
    static MigrationSource of(Migration... migrations) {
        List<Migration> list = List.of(migrations);
        return new MigrationSource() {
            @Override
            public List<Migration> load() {
                return Sources.sorted(list);
            }

            @Override
            public String description() {
                return list.size() + " Java migration(s)";
            }
        };
    }

    /** All migrations of {@code sources}; a version that two of them define is refused. */
    static MigrationSource combine(MigrationSource... sources) {
        List<MigrationSource> list = List.of(sources);
        return new MigrationSource() {
            @Override
            public List<Migration> load() {
                List<Migration> all = new ArrayList<>();
                list.forEach(source -> all.addAll(source.load()));
                return Sources.sorted(all);
            }

            @Override
            public String description() {
                return String.join(" + ", list.stream().map(MigrationSource::description).toList());
            }
        };
    }
}
