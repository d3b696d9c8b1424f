package dev.dreamnet.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.jdbc.migrate.Migrator;
import dev.dreamnet.runtime.kinds.MigrationsComponent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The toolkit's own tables, as {@link ToolkitSchema} creates them for an application, are the tables the reference
 * service's migrations (V2, V5, V6, V7, V8, V9, V10) create, column for column, and creating them again changes
 * nothing.
 */
class ToolkitSchemaTest {

    private static final List<String> TABLES = List.of("AUDIT_LOG", "ROLLOUTS", "INSTANCES", "SHARED_STATE", "SLO_MINUTES");

    @Test
    void createsTheSameTablesAsTheReferenceMigrations() throws Exception {
        JdbcDataSource fresh = database();
        ToolkitSchema.ensure(fresh);
        JdbcDataSource migrated = database();
        Migrator.builder().dataSource(migrated).source(MigrationsComponent.source("db/migration")).build().up();

        assertThat(columns(fresh)).hasSizeGreaterThan(40).isEqualTo(columns(migrated));
    }

    @Test
    void runningAgainChangesNothingAndKeepsOneSharedStateRow() throws Exception {
        JdbcDataSource migrated = database();
        Migrator.builder().dataSource(migrated).source(MigrationsComponent.source("db/migration")).build().up();
        List<String> before = columns(migrated);

        ToolkitSchema.ensure(migrated);
        ToolkitSchema.ensure(migrated);

        assertThat(columns(migrated)).isEqualTo(before);
        assertThat(count(migrated, "SELECT COUNT(*) FROM shared_state")).isEqualTo(1);
    }

    private static JdbcDataSource database() {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:mem:toolkit_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return source;
    }

    /** {@code TABLE.COLUMN TYPE NULLABLE} for the toolkit's tables, sorted. */
    private static List<String> columns(JdbcDataSource source) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection c = source.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT table_name, column_name, data_type, is_nullable "
                     + "FROM information_schema.columns WHERE table_schema = 'PUBLIC' ORDER BY table_name, column_name")) {
            while (rows.next()) {
                if (TABLES.contains(rows.getString(1))) {
                    columns.add(rows.getString(1) + "." + rows.getString(2) + " " + rows.getString(3) + " "
                            + rows.getString(4));
                }
            }
        }
        return columns;
    }

    private static long count(JdbcDataSource source, String sql) throws SQLException {
        try (Connection c = source.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
