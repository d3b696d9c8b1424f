package dev.dreamnet.jdbc.migrate.internal;

import dev.dreamnet.jdbc.migrate.Migration;
import dev.dreamnet.jdbc.migrate.MigrationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/** Turns named SQL files into migrations and checks versions are positive and unique. Thread-safe. */
public final class Sources {

    private Sources() {
    }

    /** The migrations sorted by version; refuses a version defined twice or not positive. */
    public static List<Migration> sorted(List<Migration> migrations) {
        List<Migration> sorted = new ArrayList<>(migrations);
        sorted.sort(Comparator.comparingLong(Migration::version));
        for (int i = 0; i < sorted.size(); i++) {
            Migration migration = sorted.get(i);
            if (migration.name() == null || migration.name().isBlank() || migration.name().length() > 200) {
                throw new MigrationException(migration.location() + ": name must be 1 to 200 characters, was \""
                        + migration.name() + "\"");
            }
            if (migration.checksum() == null || migration.checksum().isBlank() || migration.checksum().length() > 200) {
                throw new MigrationException(migration.location() + ": checksum must be 1 to 200 characters, was \""
                        + migration.checksum() + "\"");
            }
            if (migration.version() < 1) {
                throw new MigrationException(migration.location() + ": version must be >= 1, was "
                        + migration.version());
            }
            if (i > 0 && sorted.get(i - 1).version() == migration.version()) {
                throw new MigrationException("version " + migration.version() + " is defined twice: "
                        + sorted.get(i - 1).location() + " and " + migration.location());
            }
        }
        return List.copyOf(sorted);
    }

    /**
     * Migrations from SQL files. Files whose name starts with {@code V} and ends in {@code .sql} must
     * follow the naming scheme; other files are ignored. Only up files are read here.
     */
    public static List<Migration> fromFiles(List<SqlFile> files) {
        List<Named> named = named(files);
        // By version, then location: the same files always pair up, and clash, the same way.
        named.sort(Comparator.comparingLong((Named n) -> n.name().version())
                .thenComparing(n -> n.file().location()));
        List<Migration> migrations = new ArrayList<>();
        SqlPair pair = null;
        for (Named file : named) {
            if (pair == null || pair.version != file.name().version()) {
                if (pair != null) {
                    migrations.add(pair.toMigration());
                }
                pair = new SqlPair(file.name().version());
            }
            pair.add(file.file().location(), file.name().name(), file.name().up(), file.file().text());
        }
        if (pair != null) {
            migrations.add(pair.toMigration());
        }
        return sorted(migrations);
    }

    /** The migration files among {@code files}; refuses a misnamed one, the first by location if several. */
    private static List<Named> named(List<SqlFile> files) {
        List<Named> named = new ArrayList<>(files.size());
        SqlFile misnamed = null;
        MigrationException refusal = null;
        for (SqlFile file : files) {
            try {
                FileName name = FileName.parse(file.location(), file.fileName());
                if (name != null) {
                    named.add(new Named(name, file));
                }
            } catch (MigrationException e) {
                if (misnamed == null || file.location().compareTo(misnamed.location()) < 0) {
                    misnamed = file;
                    refusal = e;
                }
            }
        }
        if (refusal != null) {
            throw refusal;
        }
        return named;
    }

    private record Named(FileName name, SqlFile file) {
    }

    /** The up and down files of one version while they are being collected. Not thread-safe. */
    private static final class SqlPair {
        private final long version;
        private String name;
        private String firstLocation;
        private SqlScript up;
        private String downLocation;
        private Supplier<String> down;

        SqlPair(long version) {
            this.version = version;
        }

        void add(String location, String fileName, boolean isUp, Supplier<String> text) {
            if (name != null && !name.equals(fileName)) {
                throw new MigrationException("version " + version + " is defined twice, with two names: " + firstLocation + " and "
                        + location);
            }
            if ((isUp ? up : down) != null) {
                throw new MigrationException("version " + version + " is defined twice: " + firstLocation + " and "
                        + location);
            }
            name = fileName;
            firstLocation = firstLocation == null ? location : firstLocation;
            if (isUp) {
                up = SqlScript.parse(location, text.get());
            } else {
                downLocation = location;
                down = text;
            }
        }

        Migration toMigration() {
            if (up == null) {
                throw new MigrationException(firstLocation + ": has no matching V" + version + "__" + name
                        + ".up.sql");
            }
            if (down == null) {
                return new SqlMigration(version, name, up, null, null);
            }
            String at = downLocation;
            Supplier<String> text = down;
            return new SqlMigration(version, name, up, at, () -> SqlScript.parse(at, text.get()));
        }
    }
}
