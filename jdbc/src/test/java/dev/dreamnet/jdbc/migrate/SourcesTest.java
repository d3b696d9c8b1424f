package dev.dreamnet.jdbc.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.jdbc.migrate.internal.SqlMigration;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {

    @TempDir
    Path dir;

    @Test
    void pairsUpAndDownFilesInVersionOrderIgnoringOtherFiles() {
        new MigrationFiles(dir).up(10, "ten", "SELECT 10;").up(2, "two", "SELECT 2;").down(2, "two", "SELECT -2;")
                .write("README.md", "notes").write("seed.sql", "SELECT 0;");

        assertThat(MigrationSource.directory(dir).load())
                .extracting(Migration::version, Migration::name, Migration::reversible)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "two", true),
                        org.assertj.core.groups.Tuple.tuple(10L, "ten", false));
    }

    @Test
    void leadingZerosAreTheSameVersion() {
        new MigrationFiles(dir).write("V0001__a.up.sql", "SELECT 1;").write("V1__b.up.sql", "SELECT 1;");

        assertThatThrownBy(() -> MigrationSource.directory(dir).load())
                .hasMessageContaining("version 1 is defined twice");
    }

    @Test
    void misnamedMigrationFilesAreRefusedNamingTheFile() {
        new MigrationFiles(dir).write("V1__flyway_style.sql", "SELECT 1;");

        assertThatThrownBy(() -> MigrationSource.directory(dir).load())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V1__flyway_style.sql: migration file names must look like V<version>__<name>.up.sql");
    }

    @Test
    void fileNamesParseLikeTheDocumentedPattern() {
        new MigrationFiles(dir).up(1, "a.up", "SELECT 1;").up(2, "_b-c", "SELECT 2;").down(2, "_b-c", "SELECT -2;");

        assertThat(MigrationSource.directory(dir).load()).extracting(Migration::version, Migration::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "a.up"),
                        org.assertj.core.groups.Tuple.tuple(2L, "_b-c"));
    }

    @Test
    void namesOffTheSchemeAreRefused() {
        for (String bad : List.of("V__a.up.sql", "V1_a.up.sql", "V1__.up.sql", "V1__a b.up.sql", "V1__a.sql",
                "V1__a.UP.sql", "Vx__a.up.sql", "V.sql")) {
            Path one = dir.resolve(Integer.toHexString(bad.hashCode()));
            new MigrationFiles(createDirectory(one)).write(bad, "SELECT 1;");

            assertThatThrownBy(() -> MigrationSource.directory(one).load()).as(bad)
                    .hasMessageEndingWith(bad + ": migration file names must look like V<version>__<name>.up.sql or"
                            + " V<version>__<name>.down.sql, e.g. V0001__create_dreams.up.sql");
        }
    }

    @Test
    void ofSeveralMisnamedFilesTheFirstByPathIsNamedEveryTime() {
        new MigrationFiles(dir).write("V3_c.up.sql", "").write("V1_a.up.sql", "").write("V2_b.up.sql", "");

        assertThatThrownBy(() -> MigrationSource.directory(dir).load()).hasMessageContaining("V1_a.up.sql: ");
    }

    @Test
    void aDownFileWithoutItsUpFileIsRefused() {
        new MigrationFiles(dir).down(3, "orphan", "SELECT 1;");

        assertThatThrownBy(() -> MigrationSource.directory(dir).load())
                .hasMessageContaining("V3__orphan.down.sql: has no matching V3__orphan.up.sql");
    }

    @Test
    void aMissingDirectoryIsOneLine() {
        assertThatThrownBy(() -> MigrationSource.directory(dir.resolve("nope")).load())
                .hasMessageEndingWith("nope: migrations directory does not exist");
    }

    @Test
    void nonTransactionalIsDeclaredByADirectiveAndUnknownDirectivesAreRefused() {
        new MigrationFiles(dir).up(1, "index", "-- add an index without locking writes\n-- dreamnet: non-transactional\n"
                + "CREATE INDEX CONCURRENTLY i ON t (c);");
        assertThat(MigrationSource.directory(dir).load().get(0).transactional()).isFalse();

        new MigrationFiles(dir).up(1, "index", "-- dreamnet: non-transactionnal\nCREATE INDEX i ON t (c);");
        assertThatThrownBy(() -> MigrationSource.directory(dir).load())
                .hasMessageContaining("V1__index.up.sql: unknown directive \"-- dreamnet: non-transactionnal\"");
    }

    @Test
    void checksumIgnoresLineEndingsAndByteOrderMark() throws IOException {
        Path unix = Files.createDirectory(dir.resolve("lf"));
        Path windows = Files.createDirectory(dir.resolve("crlf"));
        new MigrationFiles(unix).up(1, "a", "CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);\n");
        new MigrationFiles(windows).up(1, "a", "\uFEFFCREATE TABLE a (id INT);\r\nINSERT INTO a VALUES (1);\r\n");

        String lf = MigrationSource.directory(unix).load().get(0).checksum();
        assertThat(MigrationSource.directory(windows).load().get(0).checksum()).isEqualTo(lf).startsWith("sha256:");
    }

    @Test
    void classpathLocationIsReadFromADirectoryEntry() throws IOException {
        Path root = Files.createDirectories(dir.resolve("classes/db/migration"));
        new MigrationFiles(root).up(1, "a", "SELECT 1;").down(1, "a", "SELECT 2;");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()}, null)) {
            assertThat(MigrationSource.classpath("db/migration", loader).load()).extracting(Migration::name)
                    .containsExactly("a");
        }
    }

    @Test
    void classpathLocationIsReadFromInsideAJarLikeAShadedOne() throws IOException {
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("db/"));
            out.putNextEntry(new JarEntry("db/migration/"));
            entry(out, "db/migration/V1__create.up.sql", "CREATE TABLE a (id INT);");
            entry(out, "db/migration/V1__create.down.sql", "DROP TABLE a;");
            entry(out, "db/migration/nested/V2__seed.up.sql", "INSERT INTO a VALUES (1);");
            entry(out, "db/other/V9__elsewhere.up.sql", "SELECT 9;");
        }

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            var migrations = MigrationSource.classpath("classpath:db/migration/", loader).load();

            assertThat(migrations).extracting(Migration::version).containsExactly(1L, 2L);
            assertThat(((SqlMigration) migrations.get(0)).script(false).statements()).containsExactly("DROP TABLE a");
            assertThat(migrations.get(0).location()).endsWith("app.jar!/db/migration/V1__create.up.sql");
        }
    }

    @Test
    void anEmptyClasspathLocationIsAnError() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> MigrationSource.classpath("db/nothing", loader).load())
                    .hasMessage("classpath:db/nothing: no migration files found on the class path");
        }
    }

    @Test
    void combinedSourcesRefuseAVersionDefinedTwice() {
        new MigrationFiles(dir).up(1, "a", "SELECT 1;");

        assertThatThrownBy(() -> MigrationSource.combine(MigrationSource.directory(dir), MigrationSource.directory(dir))
                .load()).hasMessageContaining("version 1 is defined twice");
    }

    private static Path createDirectory(Path path) {
        try {
            return Files.createDirectory(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void entry(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream stream = out;
        stream.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
