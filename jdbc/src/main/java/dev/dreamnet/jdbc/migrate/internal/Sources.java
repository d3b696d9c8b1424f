package dev.dreamnet.jdbc.migrate.internal;

import dev.dreamnet.jdbc.migrate.Migration;
import dev.dreamnet.jdbc.migrate.MigrationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns named SQL files into migrations and checks versions are positive and unique. Thread-safe. */
public final class Sources {

    private static final Pattern FILE = Pattern.compile("V(\\d+)__([A-Za-z0-9_.-]+?)\\.(up|down)\\.sql");

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
     * Migrations from SQL files, keyed by their location (path or resource name) with their text.
     * Files whose name starts with {@code V} and ends in {@code .sql} must follow the naming scheme;
     * other files are ignored.
     */
    public static List<Migration> fromFiles(Map<String, Supplier<String>> textByLocation) {
        Map<Long, SqlPair> pairs = new TreeMap<>();
        textByLocation.forEach((location, text) -> {
            String fileName = location.substring(location.replace('\\', '/').lastIndexOf('/') + 1);
            if (!fileName.startsWith("V") || !fileName.endsWith(".sql")) {
                return;
            }
            Matcher matcher = FILE.matcher(fileName);
            if (!matcher.matches()) {
                throw new MigrationException(location + ": migration file names must look like"
                        + " V<version>__<name>.up.sql or V<version>__<name>.down.sql, e.g. V0001__create_dreams.up.sql");
            }
            long version = version(location, matcher.group(1));
            SqlPair pair = pairs.computeIfAbsent(version, v -> new SqlPair(v));
            pair.add(location, matcher.group(2), matcher.group(3).equals("up"), text);
        });
        List<Migration> migrations = new ArrayList<>();
        pairs.values().forEach(pair -> migrations.add(pair.toMigration()));
        return sorted(migrations);
    }

    private static long version(String location, String digits) {
        try {
            long version = Long.parseLong(digits);
            if (version < 1) {
                throw new MigrationException(location + ": version must be >= 1, was " + digits);
            }
            return version;
        } catch (NumberFormatException e) {
            throw new MigrationException(location + ": version " + digits + " is too large");
        }
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
