package dev.dreamnet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2FilesTest {

    @Test
    void namesTheFileH2WritesForAPathOnDisk(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("state") + ";DB_CLOSE_DELAY=0;WRITE_DELAY=0";
        Path file = H2Files.dataFile(url).orElseThrow();
        assertThat(file).doesNotExist();

        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("CREATE TABLE t (id INT)");
        }

        assertThat(file).exists();
        assertThat(Files.list(dir)).contains(file);
    }

    @Test
    void readsEveryFormOfAPlainPath() {
        assertThat(H2Files.dataFile("jdbc:h2:/var/lib/app/db")).contains(Path.of("/var/lib/app/db.mv.db"));
        assertThat(H2Files.dataFile("jdbc:h2:./data/db;MODE=PostgreSQL")).contains(Path.of("./data/db.mv.db"));
        assertThat(H2Files.dataFile("jdbc:h2:FILE:/x/y")).contains(Path.of("/x/y.mv.db"));
        assertThat(H2Files.dataFile("jdbc:h2:~/db")).contains(Path.of(System.getProperty("user.home") + "/db.mv.db"));
    }

    @Test
    void namesNoFileForDatabasesNotInAPlainFile() {
        assertThat(H2Files.dataFile("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(H2Files.dataFile("jdbc:h2:mem:")).isEmpty();
        assertThat(H2Files.dataFile("jdbc:h2:tcp://localhost/~/db")).isEmpty();
        assertThat(H2Files.dataFile("jdbc:h2:ssl://localhost/db")).isEmpty();
        assertThat(H2Files.dataFile("jdbc:h2:zip:/data/db.zip!/db")).isEmpty();
        assertThat(H2Files.dataFile("jdbc:h2:nio:/data/db")).isEmpty();
        assertThat(H2Files.dataFile("jdbc:h2:file:")).isEmpty();
        assertThat(H2Files.dataFile("jdbc:postgresql://localhost/db")).isEmpty();
    }
}
