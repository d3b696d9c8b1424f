package dev.dreamnet.bench.flags;

import dev.dreamnet.core.flags.Degradation;
import dev.dreamnet.core.flags.FlagDefinition;
import dev.dreamnet.core.flags.FlagSnapshot;
import dev.dreamnet.core.flags.FlagState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same flags for every contender: eight flags, half of them on, and the one evaluated,
 * {@value #EVALUATED}, on. Togglz needs Java identifiers, so it names them by {@link BenchFeature}
 * constants with the same values. Stateless.
 */
final class FlagSettings {

    static final String EVALUATED = "search.semantic";

    /** Name and configured value of each flag, in a fixed order. */
    static final Map<String, Boolean> FLAGS = flags();

    private FlagSettings() {
    }

    private static Map<String, Boolean> flags() {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        flags.put("checkout.v2", false);
        flags.put("dreams.write", true);
        flags.put(EVALUATED, true);
        flags.put("provider.llm", false);
        flags.put("agent.citadel", true);
        flags.put("agent.harbor", false);
        flags.put("ui.dark-mode", true);
        flags.put("export.csv", false);
        return flags;
    }

    static FlagSnapshot ours() {
        List<FlagDefinition> definitions = new ArrayList<>();
        FLAGS.forEach((name, enabled) -> definitions.add(FlagDefinition.builder(name).owner("bench")
                .enabled(enabled).degradation(Degradation.SHED_AT_BROWNOUT).build()));
        return FlagSnapshot.of(definitions, FlagState.initial(), "bench");
    }

    /** The Unleash client API (v1) features document, every flag with the default strategy. */
    static String unleashToggles() {
        StringBuilder json = new StringBuilder("{\"version\":1,\"features\":[");
        FLAGS.forEach((name, enabled) -> json.append("{\"name\":\"").append(name)
                .append("\",\"enabled\":").append(enabled)
                .append(",\"strategies\":[{\"name\":\"default\",\"parameters\":{}}],\"variants\":[]},"));
        json.setLength(json.length() - 1);
        return json.append("]}").toString();
    }
}
