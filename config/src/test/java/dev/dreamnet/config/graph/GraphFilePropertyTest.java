package dev.dreamnet.config.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.startup.GraphProblem;
import dev.dreamnet.core.startup.GraphValidationException;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever text it is given, the loader returns a graph or throws a {@link GraphValidationException}
 * of one-line problems with no stack trace in them; never any other exception.
 */
class GraphFilePropertyTest {

    private static final String VALID = """
            {"description": "sample", "services": [
              {"name": "database", "kind": "database", "critical": true, "startTimeout": "30s", "retries": 3,
               "readiness": {"query": "SELECT 1", "ports": [5432, 5433], "tls": {"enabled": false}}},
              {"name": "queues", "dependsOn": ["database"], "startTimeout": "PT1M", "retries": 0},
              {"name": "api", "dependsOn": ["database", "queues"], "critical": false, "startTimeout": "500ms"}
            ]}""";

    private static final List<String> FIELDS = List.of("name", "dependsOn", "kind", "critical", "startTimeout",
            "retries", "readiness", "dependOn", "timeout", "Name", "", "line\\nbreak", "\\u0085");

    @Property
    void randomTextLoadsOrFailsWithCleanProblems(@ForAll String text) {
        loadsOrFailsCleanly(text);
    }

    @Property
    void randomlyEditedValidFileLoadsOrFailsWithCleanProblems(@ForAll("editedFiles") String text) {
        loadsOrFailsCleanly(text);
    }

    @Property
    void randomServicesLoadOrFailWithCleanProblems(@ForAll("randomGraphs") String text) {
        loadsOrFailsCleanly(text);
    }

    private static void loadsOrFailsCleanly(String json) {
        try {
            GraphFile.parse("deploy/graph.json", json);
        } catch (GraphValidationException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(problem -> assertThat(problem.toString())
                    .doesNotContain("\n", "\r", "\u2028", "\u2029", "\u0085")
                    .doesNotContain("Exception", "at com.", "at java.", "\tat ", "fasterxml", "jackson"));
            assertThat(e.getMessage())
                    .isEqualTo(e.problems().stream().map(GraphProblem::toString).collect(Collectors.joining("\n")));
        }
    }

    @Provide
    Arbitrary<String> editedFiles() {
        return edit().list().ofMinSize(1).ofMaxSize(4).map(edits -> {
            StringBuilder text = new StringBuilder(VALID);
            edits.forEach(edit -> edit.applyTo(text));
            return text.toString();
        });
    }

    private static Arbitrary<Edit> edit() {
        Arbitrary<String> inserted = Arbitraries.oneOf(
                Arbitraries.strings().withChars("{}[]\":,.-+0123456789eEtrufalsn \\\n").ofMaxLength(4),
                Arbitraries.of("null", "\"\"", "\"name\": \"x\",", "[", "}", "\"0s\"", "2.5", "\"dependsOn\": 1,"),
                Arbitraries.strings().ofMaxLength(3));
        return Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 20),
                inserted).as(Edit::new);
    }

    /** Removes {@code removed} characters at a relative position and inserts {@code inserted} there. */
    record Edit(double at, int removed, String inserted) {

        void applyTo(StringBuilder text) {
            int start = (int) (at * text.length());
            text.replace(start, Math.min(text.length(), start + removed), inserted);
        }
    }

    @Provide
    Arbitrary<String> randomGraphs() {
        Arbitrary<String> field = Combinators.combine(Arbitraries.of(FIELDS), value())
                .as((name, value) -> "\"" + name + "\": " + value);
        Arbitrary<String> service = field.list().ofMaxSize(6).map(fields -> "{" + String.join(", ", fields) + "}");
        return service.list().ofMaxSize(6).map(services -> "{\"services\": [" + String.join(", ", services) + "]}");
    }

    private static Arbitrary<String> value() {
        Arbitrary<String> name = Arbitraries.of("database", "queues", "api", "qeues", "", " ", "a b", "a\\u2028b");
        return Arbitraries.oneOf(
                name.map(GraphFilePropertyTest::quoted),
                name.list().ofMaxSize(3).map(names -> names.stream().map(GraphFilePropertyTest::quoted)
                        .collect(Collectors.joining(", ", "[", "]"))),
                Arbitraries.of("30s", "0s", "-1s", "PT30S", "PT-1S", "2m", "500ms", "30", "1.5s", "yes")
                        .map(GraphFilePropertyTest::quoted),
                Arbitraries.of("0", "3", "-1", "2.5", "1e400", "99999999999999999999", "true", "false", "null",
                        "{}", "[]", "{\"query\": \"SELECT 1\"}", "{\"a\": null}", "{\"a\": [1, {\"b\": null}]}"));
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
