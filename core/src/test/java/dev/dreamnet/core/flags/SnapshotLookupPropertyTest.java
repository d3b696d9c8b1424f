package dev.dreamnet.core.flags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.flags.internal.Precedence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The precomputed table answers exactly what the precedence decides, for random flag sets and
 * states, including names whose hash codes collide ("Aa" and "BB" hash alike). Seeded; a failure
 * names its seed.
 */
class SnapshotLookupPropertyTest {

    private static final int SEEDS = 300;
    private static final String[] COLLIDING = {"Aa", "BB"};

    @Test
    void everyDefinedNameFindsItsDecisionAndNoOtherNameIsFound() {
        for (long seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(seed);
            Map<String, FlagDefinition> byName = randomDefinitions(random);
            FlagState state = randomState(random, new ArrayList<>(byName.keySet()));
            FlagSnapshot snapshot = FlagSnapshot.of(byName.values(), state, "seed-" + seed);

            for (FlagDefinition definition : byName.values()) {
                String copy = new String(definition.name().toCharArray());
                assertThat(snapshot.explain(copy)).as("seed %d, flag %s", seed, copy)
                        .isEqualTo(Precedence.decide(definition, state));
                assertThat(snapshot.isEnabled(copy)).as("seed %d, flag %s", seed, copy)
                        .isEqualTo(Precedence.decide(definition, state).enabled());
            }
            for (int i = 0; i < 50; i++) {
                String stranger = randomName(random);
                assertThat(snapshot.contains(stranger)).as("seed %d, name %s", seed, stranger)
                        .isEqualTo(byName.containsKey(stranger));
            }
        }
    }

    private static Map<String, FlagDefinition> randomDefinitions(Random random) {
        Map<String, FlagDefinition> byName = new LinkedHashMap<>();
        int count = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(400);
        for (int i = 0; i < count; i++) {
            String name = randomName(random);
            byName.put(name, FlagDefinition.builder(name).owner("team").enabled(random.nextBoolean())
                    .degradation(Degradation.values()[random.nextInt(3)]).external(random.nextBoolean())
                    .agent(random.nextBoolean() ? "agent-" + random.nextInt(4) : null).build());
        }
        return byName;
    }

    private static FlagState randomState(Random random, List<String> names) {
        Map<String, Boolean> overrides = new HashMap<>();
        for (String name : names) {
            if (random.nextInt(3) == 0) {
                overrides.put(name, random.nextBoolean());
            }
        }
        FlagState state = new FlagState(Mode.values()[random.nextInt(3)],
                new KillSwitches(random.nextBoolean(), random.nextBoolean()), overrides, Set.of(), 0);
        for (int agent = 0; agent < 4; agent++) {
            state = state.withQuarantine("agent-" + agent, random.nextBoolean());
        }
        return state;
    }

    /** Short names built from colliding pairs and a few letters, so hash collisions are common. */
    private static String randomName(Random random) {
        StringBuilder name = new StringBuilder();
        int parts = 1 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            name.append(random.nextBoolean() ? COLLIDING[random.nextInt(2)] : (char) ('a' + random.nextInt(6)));
        }
        return name.toString();
    }
}
