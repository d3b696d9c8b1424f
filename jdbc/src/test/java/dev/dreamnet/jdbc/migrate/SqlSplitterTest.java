package dev.dreamnet.jdbc.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.jdbc.migrate.internal.SqlSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SqlSplitterTest {

    @Test
    void splitsAtTopLevelSemicolonsAndTrims() {
        assertThat(SqlSplitter.split(" CREATE TABLE a (id INT);\n\nINSERT INTO a VALUES (1) ;  "))
                .containsExactly("CREATE TABLE a (id INT)", "INSERT INTO a VALUES (1)");
    }

    @Test
    void semicolonsInsideStringsAndIdentifiersDoNotSplit() {
        assertThat(SqlSplitter.split("INSERT INTO t VALUES ('a;b', 'it''s;'); SELECT \"odd;name\" FROM t;"))
                .containsExactly("INSERT INTO t VALUES ('a;b', 'it''s;')", "SELECT \"odd;name\" FROM t");
    }

    @Test
    void backslashEscapesCountOnlyInEStrings() {
        assertThat(SqlSplitter.split("SELECT E'a\\';b'; SELECT 'c\\'; SELECT 1;"))
                .containsExactly("SELECT E'a\\';b'", "SELECT 'c\\'", "SELECT 1");
    }

    @Test
    void dollarQuotedBodiesStayWhole() {
        String function = "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql";
        String tagged = "DO $body$ BEGIN PERFORM 1; PERFORM '$$'; END $body$";
        assertThat(SqlSplitter.split(function + ";\n" + tagged + ";")).containsExactly(function, tagged);
    }

    @Test
    void positionalParametersAreNotDollarQuotes() {
        assertThat(SqlSplitter.split("PREPARE p AS SELECT $1; EXECUTE p(1);"))
                .containsExactly("PREPARE p AS SELECT $1", "EXECUTE p(1)");
    }

    @Test
    void commentsDoNotSplitAndCommentOnlyStatementsAreDropped() {
        String script = "-- header; not a statement\nCREATE TABLE a (id INT); -- trailing; comment\n"
                + "/* block; /* nested; */ still comment; */\n-- only a comment;\n;;\nDROP TABLE a";
        assertThat(SqlSplitter.split(script))
                .containsExactly("-- header; not a statement\nCREATE TABLE a (id INT)", "DROP TABLE a");
    }

    @Test
    void randomScriptsSplitBackIntoTheirStatements() {
        long seed = 20_260_101L;
        Random random = new Random(seed);
        String[] pieces = {"'a;b'", "'it''s'", "\"x;y\"", "$$ p; q $$", "$t$ ; $$ ; $t$", "/* c; */", "E'\\';'",
                "x", "1", "(2)"};
        for (int round = 0; round < 500; round++) {
            List<String> statements = new ArrayList<>();
            int count = 1 + random.nextInt(5);
            for (int i = 0; i < count; i++) {
                StringBuilder statement = new StringBuilder("SELECT");
                for (int j = 0, n = 1 + random.nextInt(4); j < n; j++) {
                    statement.append(' ').append(pieces[random.nextInt(pieces.length)]);
                }
                statements.add(statement.toString());
            }
            String script = String.join(random.nextBoolean() ? ";\n" : " ; ", statements) + ";";
            assertThat(SqlSplitter.split(script)).as("seed %d round %d: %s", seed, round, script)
                    .isEqualTo(statements);
        }
    }
}
