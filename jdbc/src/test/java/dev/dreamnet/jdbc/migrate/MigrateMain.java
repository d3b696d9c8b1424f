package dev.dreamnet.jdbc.migrate;

import java.nio.file.Path;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A separate migrating process for the multi-process tests: {@code MigrateMain <jdbc-url> <dir> <name>}
 * migrates up and prints {@code applied <n>}; exit 1 with the message on failure.
 */
public final class MigrateMain {

    private MigrateMain() {
    }

    public static void main(String[] args) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(args[0]);
        try {
            MigrationRun run = Migrator.builder().dataSource(dataSource).source(MigrationSource.directory(Path.of(args[1])))
                    .appliedBy(args[2]).progress(event -> System.out.println(event)).build().up();
            System.out.println("applied " + run.steps().size());
        } catch (MigrationException e) {
            System.out.println("failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
