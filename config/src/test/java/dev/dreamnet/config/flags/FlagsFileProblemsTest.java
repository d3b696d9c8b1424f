package dev.dreamnet.config.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.dreamnet.config.yaml.CleanProblems;
import dev.dreamnet.config.yaml.ConfigException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each wrong setting is one line, {@code file:line: path: what is wrong}, and every one is reported at once. */
class FlagsFileProblemsTest {

    private static final String FLAG = "flags:\n  llm.calls:\n    enabled: true\n    owner: ai\n    description: LLM\n";

    static Stream<Arguments> wrongSettings() {
        return Stream.of(
                flag("enabeld: true", "f.yaml:6: flags.llm.calls.enabeld: unknown setting (did you mean \"enabled\"?)"),
                flag("colour: red", "f.yaml:6: flags.llm.calls.colour: unknown setting "
                        + "(known: enabled, owner, description, degradation, external, agent)"),
                flag("degradation: brownot", "f.yaml:6: flags.llm.calls.degradation: must be one of \"brownout\", "
                        + "\"emergency\" or \"kept\", was \"brownot\" (did you mean \"brownout\"?)"),
                flag("degradation: off", "f.yaml:6: flags.llm.calls.degradation: must be one of \"brownout\", "
                        + "\"emergency\" or \"kept\", was false"),
                flag("external: yes please", "f.yaml:6: flags.llm.calls.external: must be true or false, was \"yes please\""),
                flag("agent: Citadel", "f.yaml:6: flags.llm.calls.agent: an agent name is 1 to 32 lower-case letters, "
                        + "digits or \"-\", starting with a letter, was \"Citadel\" (did you mean \"citadel\"?)"),
                flag("agent: drone dome", "f.yaml:6: flags.llm.calls.agent: an agent name is 1 to 32 lower-case "
                        + "letters, digits or \"-\", starting with a letter, was \"drone dome\""),
                flag("agent: 7", "f.yaml:6: flags.llm.calls.agent: must be a string, was 7"),
                arguments("flags:\n  a:\n    enabled: maybe\n    owner: [x]\n    description: '  '\n",
                        "f.yaml:3: flags.a.enabled: must be true or false, was \"maybe\"\n"
                                + "f.yaml:4: flags.a.owner: must be a string, was a list\n"
                                + "f.yaml:5: flags.a.description: must not be empty"),
                arguments("flags:\n  a:\n    enabled: true\n",
                        "f.yaml:2: flags.a: missing required setting \"owner\"\n"
                                + "f.yaml:2: flags.a: missing required setting \"description\""),
                arguments("flags:\n  a:\n", "f.yaml:2: flags.a: missing required setting \"enabled\"\n"
                        + "f.yaml:2: flags.a: missing required setting \"owner\"\n"
                        + "f.yaml:2: flags.a: missing required setting \"description\""),
                arguments("flags:\n  a: true\n", "f.yaml:2: flags.a: must be a mapping of settings, was true"),
                arguments("flags:\n  \"bad name\": {}\n", "f.yaml:2: flags.bad name: a flag name is 1 to 64 letters, "
                        + "digits, \".\", \"_\" or \"-\""),
                arguments("flags:\n  " + "x".repeat(65) + ": {}\n", "f.yaml:2: flags." + "x".repeat(60)
                        + "...: a flag name is 1 to 64 letters, digits, \".\", \"_\" or \"-\""),
                arguments("flags: {}\n", "f.yaml:1: flags: must name at least one flag"),
                arguments("flags:\n", "f.yaml:1: flags: must name at least one flag"),
                arguments("flags: [a, b]\n", "f.yaml:1: flags: must be a mapping of settings, was a list"),
                arguments("flag:\n  a: {}\n", "f.yaml: missing required setting \"flags\"\n"
                        + "f.yaml:1: flag: unknown setting (did you mean \"flags\"?)"),
                arguments("", "f.yaml: file is empty"),
                arguments("# only a comment\n", "f.yaml: file is empty"),
                arguments("- a\n", "f.yaml: must be a mapping of settings, was a list"),
                arguments(FLAG + "  llm.calls:\n    enabled: false\n",
                        "f.yaml:6: flags.llm.calls: duplicate key (first on line 2)"),
                arguments(FLAG + "  LLM.Calls:\n    enabled: true\n    owner: ai\n    description: LLM\n",
                        "f.yaml:6: flags.LLM.Calls: differs only in case from flag \"llm.calls\" (line 2); "
                                + "flag names must differ in more than case"),
                arguments("flags:\n  a: {enabled: true, owner: o, description: d, agent: citadel}\n"
                                + "  b: {enabled: true, owner: o, description: d, agent: citadel}\n",
                        "f.yaml:3: flags.b.agent: agent \"citadel\" already has flag \"a\" (line 2); an agent has one flag"));
    }

    private static Arguments flag(String line, String expected) {
        return arguments(FLAG + "    " + line + "\n", expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongSettings")
    void reportsEachProblemOnOneLineAtItsSetting(String yaml, String expected) {
        assertThat(problems(yaml)).isEqualTo(expected);
    }

    @Test
    void reportsEveryProblemOfEveryFlagAtOnce() {
        String yaml = "flags:\n  a:\n    enabled: 1\n    owner: o\n    description: d\n"
                + "  b:\n    enabled: true\n    owner: o\n    description: d\n    degradation: never\n"
                + "  c d: {}\n";

        assertThat(problems(yaml)).isEqualTo(String.join("\n",
                "f.yaml:3: flags.a.enabled: must be true or false, was 1",
                "f.yaml:10: flags.b.degradation: must be one of \"brownout\", \"emergency\" or \"kept\", was \"never\"",
                "f.yaml:11: flags.c d: a flag name is 1 to 64 letters, digits, \".\", \"_\" or \"-\""));
    }

    @Test
    void leftOutSettingsTakeTheirDefaults() throws ConfigException {
        FlagSpec flag = FlagsFile.parse("f.yaml", FLAG).flags().get(0);

        assertThat(flag).isEqualTo(new FlagSpec("llm.calls", true, "ai", "LLM", FlagSpec.KEPT, false, null, 2));
    }

    static String problems(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> FlagsFile.parse("f.yaml", yaml));
        assertThat(e).as("expected a ConfigException for:\n" + yaml).isNotNull();
        CleanProblems.assertClean(e);
        return e.getMessage();
    }
}
