package dev.dreamnet.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlDocumentTest {

    private static final String YAML = """
            # a comment
            name: dreamnet
            breakers:
              provider:
                resetTimeout: 30s
                ports: [80, 443]
              queue: {}
            list:
              - first
              - nested: true
            """;

    @TempDir
    Path dir;

    @Test
    void readsPlainValuesIntoATree() throws ConfigException {
        YamlDocument document = YamlDocument.parse("f.yaml", YAML);

        assertThat(document.root().get("name").textValue()).isEqualTo("dreamnet");
        assertThat(document.root().at("/breakers/provider/ports/1").intValue()).isEqualTo(443);
        assertThat(document.root().at("/list/1/nested").booleanValue()).isTrue();
        assertThat(document.source()).isEqualTo("f.yaml");
    }

    @Test
    void knowsTheLineOfEverySettingByPath() throws ConfigException {
        YamlDocument document = YamlDocument.parse("f.yaml", YAML);

        assertThat(document.lines()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("name", 2), Map.entry("breakers", 3), Map.entry("breakers.provider", 4),
                Map.entry("breakers.provider.resetTimeout", 5), Map.entry("breakers.provider.ports", 6),
                Map.entry("breakers.provider.ports[0]", 6), Map.entry("breakers.provider.ports[1]", 6),
                Map.entry("breakers.queue", 7), Map.entry("list", 8), Map.entry("list[0]", 9),
                Map.entry("list[1]", 10), Map.entry("list[1].nested", 10)));
        assertThat(document.line("breakers.provider.resetTimeout")).hasValue(5);
        assertThat(document.line("breakers.nothing")).isEqualTo(OptionalInt.empty());
    }

    @Test
    void rootIsACopySoTheDocumentStaysImmutable() throws ConfigException {
        YamlDocument document = YamlDocument.parse("f.yaml", "a: 1\n");

        ((com.fasterxml.jackson.databind.node.ObjectNode) document.root()).put("a", 2);

        assertThat(document.root().get("a").intValue()).isEqualTo(1);
    }

    @Test
    void loadsAFileAndNamesItInProblems() throws IOException, ConfigException {
        Path file = Files.writeString(dir.resolve("flags.yaml"), "a: 1\nb: [\n");

        assertThat(YamlDocument.load(Files.writeString(dir.resolve("ok.yaml"), "a: 1\n")).root().get("a").intValue())
                .isEqualTo(1);
        assertThat(problems(() -> YamlDocument.load(file)))
                .isEqualTo(file + ":3: syntax error: expected the node content, but found '<stream end>'");
    }

    @Test
    void skipsAByteOrderMark() throws IOException, ConfigException {
        Path file = dir.resolve("bom.yaml");
        Files.write(file, "\uFEFFa: 1\n".getBytes(StandardCharsets.UTF_8));

        assertThat(YamlDocument.load(file).root().get("a").intValue()).isEqualTo(1);
        assertThat(YamlDocument.parse("f.yaml", "\uFEFFa: 1\n").root().get("a").intValue()).isEqualTo(1);
    }

    @Test
    void refusesAFileThatIsNotUtf8() throws IOException {
        Path file = Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});

        assertThat(problems(() -> YamlDocument.load(file))).isEqualTo(file + ": file is not UTF-8 text");
    }

    /** A named pipe with no writer blocked the open, and so the server's start, until killed. */
    @Test
    void refusesANamedPipeWithoutWaitingForAWriter() throws Exception {
        Path fifo = dir.resolve("flags.yaml");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        assertThat(problems(() -> YamlDocument.load(fifo)))
                .isEqualTo(fifo + ": cannot read file: not a regular file (a pipe or a device)");
    }

    @Test
    void namesAMissingFile() {
        Path file = dir.resolve("missing.yaml");

        assertThat(problems(() -> YamlDocument.load(file)))
                .isEqualTo(file + ": cannot read file: No such file or directory");
    }

    @Test
    void refusesAFileOverOneMegabyteBeforeParsingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("big.yaml"), "a: \"" + "x".repeat(2 * YamlDocument.MAX_BYTES) + "\"\n");

        assertThat(problems(() -> YamlDocument.load(file)))
                .isEqualTo(file + ": file is larger than 1 MB; refusing to read it");
    }

    @Test
    void acceptsTextOfExactlyOneMegabyteAndRefusesOneCharacterMore() throws ConfigException {
        String line = "  " + "x".repeat(77) + "\n";
        StringBuilder yaml = new StringBuilder("a: |\n").append(line.repeat((YamlDocument.MAX_BYTES - 6) / line.length()));
        int lastLine = YamlDocument.MAX_BYTES - yaml.length();
        yaml.append("  ").append("x".repeat(lastLine - 3)).append('\n');

        assertThat(yaml).hasSize(YamlDocument.MAX_BYTES);
        assertThat(YamlDocument.parse("f.yaml", yaml.toString()).root().get("a").textValue()).startsWith("xxx");
        assertThat(problems(() -> YamlDocument.parse("f.yaml", yaml + "\n")))
                .isEqualTo("f.yaml: file is larger than 1 MB; refusing to read it");
    }

    static String problems(ThrowingLoad load) {
        ConfigException e = catchThrowableOfType(ConfigException.class, load::run);
        assertThat(e).as("expected a ConfigException").isNotNull();
        return e.getMessage();
    }

    /** Something that loads a document, or fails to. */
    interface ThrowingLoad {
        void run() throws ConfigException;
    }
}
