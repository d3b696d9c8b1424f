package dev.dreamnet.config.flags;

import static dev.dreamnet.config.flags.FlagsFileProblemsTest.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.config.yaml.YamlDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flags file goes through the safe YAML reader: tags, anchors, aliases and huge files are refused, nothing runs. */
class UnsafeFlagsFileTest {

    private static final String NOT_ALLOWED = " is not allowed: configuration holds plain values only";
    private static final String FLAG = "flags:\n  a:\n    enabled: true\n    owner: o\n";

    @Test
    void refusesAJavaTypeTag() {
        assertThat(problems(FLAG + "    description: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
                + "[[!!java.net.URL [\"http://x\"]]]]\n"))
                .isEqualTo("f.yaml:5: flags.a.description: tag \"!!javax.script.ScriptEngineManager\"" + NOT_ALLOWED);
    }

    @Test
    void refusesACustomTag() {
        assertThat(problems(FLAG + "    description: d\n    enabled: !flip true\n"))
                .startsWith("f.yaml:").contains("tag \"!flip\"" + NOT_ALLOWED);
    }

    @Test
    void refusesAnchorsAndAliasesSoNoAliasBombExpands() {
        StringBuilder bomb = new StringBuilder("lol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [").append(("*" + (char) (c - 1) + ", ").repeat(8))
                    .append('*').append((char) (c - 1)).append("]\n");
        }
        assertThat(problems(FLAG + "    description: d\n" + bomb)).contains(
                "anchor \"&a\" is not allowed: anchors and aliases are not supported");
    }

    @Test
    void refusesASharedFlagThroughAMergeKey() {
        assertThat(problems("base: &base {enabled: true, owner: o, description: d}\nflags:\n  a:\n    <<: *base\n"))
                .startsWith("f.yaml:1: base: anchor \"&base\"");
    }

    @Test
    void refusesAHugeFileBeforeParsingIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("feature-flags.yaml");
        Files.writeString(file, FLAG + "    description: \"" + "x".repeat(YamlDocument.MAX_BYTES) + "\"\n");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> FlagsFile.load(file));

        assertThat(e.getMessage()).isEqualTo(file + ": file is larger than 1 MB; refusing to read it");
    }

    @Test
    void refusesBytesThatAreNotUtf8(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("feature-flags.yaml"),
                (FLAG + "    description: caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> FlagsFile.load(file));

        assertThat(e.getMessage()).isEqualTo(file + ": file is not UTF-8 text");
    }

    @Test
    void namesAMissingFile(@TempDir Path dir) {
        Path file = dir.resolve("feature-flags.yaml");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> FlagsFile.load(file));

        assertThat(e.getMessage()).isEqualTo(file + ": cannot read file: No such file or directory");
    }
}
