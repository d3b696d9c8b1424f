package dev.dreamnet.cli;

import dev.dreamnet.core.text.Redaction;
import dev.dreamnet.jdbc.Dialect;
import dev.dreamnet.jdbc.DurableUrls;
import dev.dreamnet.jdbc.migrate.MigrationSource;
import dev.dreamnet.reference.ServerConfig;
import dev.dreamnet.runtime.kinds.MigrationsComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which database and which migrations the {@code migrate} commands use: by default the embedded H2
 * file under {@code --data-dir} (the one {@code dreamnet serve} uses) and the reference service's
 * built-in migrations.
 */
final class MigrateOptions {

    @Option(names = "--db", paramLabel = "URL",
            description = "JDBC URL of the database (default: the embedded H2 file under --data-dir).")
    String db;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Where dreamnet serve keeps its embedded database (default: ./${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--migrations", paramLabel = "DIR",
            description = "A directory of V<n>__<name>.up.sql / .down.sql files (default: the built-in migrations).")
    Path migrations;

    /** The JDBC URL; the embedded one is opened only if it exists when {@code mayCreate} is false. */
    String jdbcUrl(boolean mayCreate) {
        if (db != null) {
            if (Dialect.ofUrl(db) == Dialect.OTHER) {
                throw new IllegalArgumentException("--db must be a JDBC URL for PostgreSQL (jdbc:postgresql://HOST/DB)"
                        + " or H2 (jdbc:h2:...), was " + Redaction.url(db));
            }
            return DurableUrls.durableOnCommit(db);
        }
        String url = ServerConfig.builder().dataDir(dataDir).build().effectiveJdbcUrl();
        return mayCreate ? url : url + ";IFEXISTS=TRUE";
    }

    MigrationSource source() {
        if (migrations == null) {
            return MigrationsComponent.source(MigrationsComponent.BUILT_IN_LOCATION);
        }
        if (!Files.isDirectory(migrations)) {
            throw new IllegalArgumentException("--migrations: " + migrations + " is not a directory");
        }
        return MigrationSource.directory(migrations);
    }
}
