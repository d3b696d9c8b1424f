package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How RunbookTest reads docs/RUNBOOK.md: blocks, checks, shell words and JSON pointers with selectors. */
class RunbookParsingTest {

    private static final String DOC = String.join("\n", "# Title", "```sh", "curl not run", "```",
            "```sh runbook", "dreamnet brownout on --reason \"db slow\"", "", "dreamnet flags", "```",
            "<!-- expect: GET /api/integration-flags /state/mode == \"BROWNOUT\" -->",
            "<!-- expect-output: mode BROWNOUT -->", "text", "```sh runbook exit=4", "dreamnet flags --token bad", "```");

    @Test
    void readsOnlyRunbookBlocksWithTheirExitCodesAndChecks() {
        List<RunbookDocument.Block> blocks = RunbookDocument.parse(DOC).blocks();

        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(0).line()).isEqualTo(5);
        assertThat(blocks.get(0).commands()).containsExactly("dreamnet brownout on --reason \"db slow\"", "dreamnet flags");
        assertThat(blocks.get(0).expects()).singleElement().hasToString("GET /api/integration-flags /state/mode == \"BROWNOUT\"");
        assertThat(blocks.get(0).outputs()).containsExactly("mode BROWNOUT");
        assertThat(blocks.get(1).exitCode()).isEqualTo(4);
    }

    @Test
    void anUnclosedBlockNamesItsLine() {
        assertThatThrownBy(() -> RunbookDocument.parse("text\n```sh runbook\ndreamnet flags\n"))
                .hasMessage("docs/RUNBOOK.md:2: the block is never closed");
    }

    @Test
    void aMalformedExpectSaysTheSyntax() {
        assertThatThrownBy(() -> JsonExpectation.parse("POST /x /y == 1"))
                .hasMessageStartingWith("expect must read GET PATH POINTER == JSON");
    }

    @Test
    void splitsWordsLikeAShellAndSubstitutesVariables() {
        Map<String, String> env = Map.of("URL", "http://h:1", "T", "a b");

        assertThat(ShellWords.split("dreamnet x --url \"$URL\" --reason 'it is $T' --t ${T} # note", env))
                .containsExactly("dreamnet", "x", "--url", "http://h:1", "--reason", "it is $T", "--t", "a b");
    }

    @Test
    void refusesPipesAndUnsetVariables() {
        assertThatThrownBy(() -> ShellWords.split("dreamnet flags | grep x", Map.of()))
                .hasMessage("shell operator '|' is not allowed in a runbook line");
        assertThatThrownBy(() -> ShellWords.split("dreamnet flags --url $NOPE", Map.of("URL", "u")))
                .hasMessage("$NOPE is not set (known: URL)");
    }

    @Test
    void aSelectorPicksTheArrayElementByField() throws Exception {
        var body = new ObjectMapper().readTree("{\"breakers\": [{\"name\": \"database\", \"state\": \"CLOSED\"},"
                + " {\"name\": \"provider\", \"state\": \"FORCED_OPEN\", \"rate\": 0.0}]}");

        assertThat(JsonExpectation.parse("GET /b /breakers[name=provider]/state == \"FORCED_OPEN\"").matches(
                JsonExpectation.parse("GET /b /breakers[name=provider]/state == 1").select(body))).isTrue();
        assertThat(JsonExpectation.parse("GET /b /breakers[name=provider]/rate == 0").matches(
                JsonExpectation.parse("GET /b /breakers[name=provider]/rate == 0").select(body))).isTrue();
        assertThat(JsonExpectation.parse("GET /b /breakers[name=queue]/state == 1").select(body).isMissingNode()).isTrue();
    }
}
