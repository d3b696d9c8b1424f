package dev.dreamnet.core.flags;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Invalid definitions, states and snapshots are refused with a message that names the field. */
class ValidationTest {

    @Test
    void aBlankNameIsRefused() {
        assertThatThrownBy(() -> FlagDefinition.builder(" ").owner("me").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("name must not be blank, was \" \"");
    }

    @Test
    void aNullNameIsRefused() {
        assertThatThrownBy(() -> FlagDefinition.builder(null).owner("me").build())
                .isInstanceOf(NullPointerException.class).hasMessage("name must not be null");
    }

    @Test
    void aNameWithASpaceIsRefusedAtTheBadCharacter() {
        assertThatThrownBy(() -> FlagDefinition.builder("new search").owner("me").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name may contain only letters, digits, '.', '_' and '-', was \"new search\""
                        + " (bad character ' ' at index 3)");
    }

    @Test
    void dotsDashesAndUnderscoresAreAllowed() {
        FlagDefinition.builder("agent.citadel_v2-beta").owner("me").build();
    }

    @Test
    void aMissingOwnerIsRefusedNamingTheFlag() {
        assertThatThrownBy(() -> FlagDefinition.builder("search").build())
                .isInstanceOf(NullPointerException.class).hasMessage("owner of flag \"search\" must not be null");
        assertThatThrownBy(() -> FlagDefinition.builder("search").owner("").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("owner of flag \"search\" must not be blank");
    }

    @Test
    void nullDescriptionDegradationAndAgentAreRefused() {
        assertThatThrownBy(() -> FlagDefinition.builder("search").owner("me").description(null).build())
                .hasMessage("description of flag \"search\" must not be null");
        assertThatThrownBy(() -> FlagDefinition.builder("search").owner("me").degradation(null).build())
                .hasMessage("degradation of flag \"search\" must not be null");
        assertThatThrownBy(() -> new FlagDefinition("search", true, "me", "", Degradation.KEPT, false, null))
                .hasMessage("agent of flag \"search\" must not be null (use Optional.empty())");
    }

    @Test
    void aBadAgentNameIsRefusedNamingTheFlag() {
        assertThatThrownBy(() -> new FlagDefinition("search", true, "me", "", Degradation.KEPT, false,
                Optional.of("agent/citadel")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("agent of flag \"search\" may contain only letters");
    }

    @Test
    void aNegativeStateVersionIsRefused() {
        assertThatThrownBy(() -> new FlagState(Mode.NORMAL, KillSwitches.NONE, Map.of(), Set.of(), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("version must be >= 0, was -1");
    }

    @Test
    void badOverridesAndQuarantinesAreRefusedNamingTheField() {
        Map<String, Boolean> nullValue = new HashMap<>();
        nullValue.put("search", null);
        assertThatThrownBy(() -> new FlagState(Mode.NORMAL, KillSwitches.NONE, nullValue, Set.of(), 0))
                .hasMessage("overrides: value for flag \"search\" must not be null");
        assertThatThrownBy(() -> FlagState.initial().withOverride("", true))
                .hasMessage("overrides: flag name must not be blank, was \"\"");
        assertThatThrownBy(() -> FlagState.initial().withQuarantine("a b", true))
                .hasMessageStartingWith("quarantinedAgents: agent name may contain only");
        assertThatThrownBy(() -> FlagState.initial().withMode(null)).hasMessage("mode must not be null");
    }

    @Test
    void duplicateFlagsAreRefusedNamingTheFlag() {
        FlagDefinition search = FlagDefinition.builder("search").owner("me").build();
        assertThatThrownBy(() -> FlagSnapshot.of(List.of(search, search), FlagState.initial(), "v1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("definitions: duplicate flag \"search\"");
    }

    @Test
    void aBlankConfigVersionIsRefused() {
        assertThatThrownBy(() -> FlagSnapshot.of(List.of(), FlagState.initial(), " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("configVersion must not be blank");
    }
}
