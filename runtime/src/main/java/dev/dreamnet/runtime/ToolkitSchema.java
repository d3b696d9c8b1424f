package dev.dreamnet.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * Creates the toolkit's tables (audit log, rollouts, fleet instances, shared state) where they are missing, on
 * H2 or PostgreSQL. Idempotent: every statement creates only what is not there, so it runs at each start.
 */
public final class ToolkitSchema {

    private static final String RESOURCE = "toolkit-schema.sql";
    private static final List<String> STATEMENTS = read();

    private ToolkitSchema() {
    }

    /** The statements, in order. */
    public static List<String> statements() {
        return STATEMENTS;
    }

    private static List<String> read() {
        try (InputStream in = ToolkitSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\n;\n"))
                    .map(statement -> statement.lines().filter(line -> !line.startsWith("--"))
                            .reduce("", (a, b) -> a + b + "\n").strip())
                    .filter(statement -> !statement.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Creates what is missing in one transaction. */
    public static void ensure(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : STATEMENTS) {
                    statement.execute(sql);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
