package dev.dreamnet.config.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dreamnet.core.startup.GraphValidationException;
import dev.dreamnet.core.startup.StartupGraph;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the graph from a file: what messages call it, and files that cannot be read. */
class GraphFileLoadTest {

    @TempDir
    Path dir;

    @Test
    void namesTheFileAsGivenInGraphAndMessages() throws Exception {
        Path file = Files.writeString(dir.resolve("graph.json"),
                "{\"services\": [{\"name\": \"api\", \"critical\": 1}]}");

        GraphValidationException e = catchThrowableOfType(GraphValidationException.class, () -> GraphFile.load(file));

        assertThat(e).hasMessage(file + ": service \"api\": critical: must be true or false, was 1");
    }

    @Test
    void loadsAValidFile() throws Exception {
        Path file = Files.writeString(dir.resolve("graph.json"), "{\"services\": [{\"name\": \"api\"}]}");

        StartupGraph graph = GraphFile.load(file);

        assertThat(graph.source()).isEqualTo(file.toString());
        assertThat(graph.topologicalOrder()).containsExactly("api");
    }

    @Test
    void aMissingFileIsAProblemNamingIt() {
        assertThat(loadFailure(Path.of("deploy", "no-such-graph.json")))
                .hasMessage("deploy/no-such-graph.json: cannot read file: No such file or directory");
    }

    @Test
    void aDirectoryIsAProblemNamingIt() {
        assertThat(loadFailure(dir)).hasMessage(dir + ": cannot read file: Is a directory");
    }

    @Test
    void refusesAFileOverTenMegabytesWithoutReadingItAll() throws Exception {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(5L * 1024 * 1024 * 1024);
        }

        assertThat(loadFailure(huge)).hasMessage(huge + ": file is larger than 10 MB; refusing to read it");
    }

    @Test
    void refusesTextOverTenMegabytes() {
        String json = " ".repeat(GraphFile.MAX_BYTES + 1);

        assertThat(catchThrowableOfType(GraphValidationException.class, () -> GraphFile.parse("big.json", json)))
                .hasMessage("big.json: file is larger than 10 MB; refusing to read it");
    }

    @Test
    void reportsBytesThatAreNotUtf8WithTheirPlace() throws Exception {
        Path file = Files.write(dir.resolve("latin1.json"),
                "{\"services\": [{\"name\": \"caf\u00e9\"}]}".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(loadFailure(file).getMessage()).startsWith(file + ": line 1, column ").contains("Invalid UTF-8");
    }

    @Test
    void skipsAUtf8ByteOrderMark() throws Exception {
        Path file = Files.writeString(dir.resolve("bom.json"), "\uFEFF{\"services\": [{\"name\": \"api\"}]}");

        assertThat(GraphFile.load(file).size()).isEqualTo(1);
    }

    private static GraphValidationException loadFailure(Path file) {
        return catchThrowableOfType(GraphValidationException.class, () -> GraphFile.load(file));
    }
}
