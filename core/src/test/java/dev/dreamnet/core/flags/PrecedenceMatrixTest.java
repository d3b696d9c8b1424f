package dev.dreamnet.core.flags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.flags.FlagDecision.Rule;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Every cell of the precedence matrix, from the table in {@code precedence-matrix.csv}. */
class PrecedenceMatrixTest {

    private static final String MATRIX = "precedence-matrix.csv";
    private static final String FLAG = "tools.search";
    private static final String AGENT = "agent.citadel";
    /** modes x safe mode x quarantine x override x enabled x degradation x kind. */
    private static final int CELLS = 3 * 2 * 2 * 3 * 2 * 3 * 4;

    @ParameterizedTest(name = "{0} safeMode={1} quarantined={2} override={3} enabled={4} {5} {6} -> {7} by {8}")
    @CsvFileSource(resources = MATRIX, numLinesToSkip = 1)
    void everyCellOfThePrecedenceMatrix(Mode mode, String safeMode, String quarantined, String override,
            boolean enabled, Degradation degradation, String kind, String expected, Rule rule) {
        FlagDefinition flag = FlagDefinition.builder(FLAG).owner("platform").enabled(enabled)
                .degradation(degradation).external(kind.contains("external"))
                .agent(kind.contains("agent") ? AGENT : null).build();
        for (boolean writeDrain : new boolean[] {false, true}) {
            FlagState state = state(mode, new KillSwitches(on(safeMode), writeDrain), quarantined, override);
            Flags flags = Flags.of(FlagSnapshot.of(List.of(flag), state, "matrix"));

            assertThat(flags.isEnabled(FLAG)).as("isEnabled, writeDrain=%s", writeDrain).isEqualTo(on(expected));
            assertThat(flags.explain(FLAG)).as("explain, writeDrain=%s", writeDrain)
                    .isEqualTo(new FlagDecision(FLAG, on(expected), rule));
        }
    }

    @Test
    void theTableHoldsEveryCombinationExactlyOnce() throws Exception {
        List<String> rows = rows();
        Set<String> combinations = rows.stream()
                .map(row -> row.substring(0, nthComma(row, 7)))
                .collect(Collectors.toCollection(HashSet::new));

        assertThat(rows).hasSize(CELLS);
        assertThat(combinations).hasSize(CELLS);
    }

    private static FlagState state(Mode mode, KillSwitches switches, String quarantined, String override) {
        Map<String, Boolean> overrides = override.equals("none") ? Map.of() : Map.of(FLAG, on(override));
        Set<String> agents = on(quarantined) ? Set.of(AGENT) : Set.of();
        return new FlagState(mode, switches, overrides, agents, 1);
    }

    private static boolean on(String value) {
        return value.equals("on") || value.equals("yes");
    }

    private static List<String> rows() throws Exception {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                PrecedenceMatrixTest.class.getResourceAsStream(MATRIX), StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).skip(1)
                    .collect(Collectors.toList());
        }
    }

    private static int nthComma(String row, int n) {
        int index = -1;
        for (int i = 0; i < n; i++) {
            index = row.indexOf(',', index + 1);
        }
        return index;
    }
}
