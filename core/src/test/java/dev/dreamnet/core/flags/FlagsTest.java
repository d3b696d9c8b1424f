package dev.dreamnet.core.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.core.flags.FlagDecision.Rule;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class FlagsTest {

    private static final FlagDefinition SEARCH = FlagDefinition.builder("search").owner("platform")
            .degradation(Degradation.SHED_AT_BROWNOUT).build();
    private static final FlagDefinition CHECKOUT = FlagDefinition.builder("checkout").owner("payments").build();
    private static final List<FlagDefinition> DEFINITIONS = List.of(SEARCH, CHECKOUT);

    private final Flags flags = Flags.of(FlagSnapshot.of(DEFINITIONS, FlagState.initial(), "v1"));

    @Test
    void anUnknownNameIsOffAndCounted() {
        assertThat(flags.isEnabled("serach")).isFalse();
        assertThat(flags.isEnabled("Search")).isFalse();
        assertThat(flags.isEnabled("serach", "user-1")).isFalse();

        assertThat(flags.unknownLookups()).isEqualTo(3);
        assertThat(flags.explain("serach")).isEqualTo(new FlagDecision("serach", false, Rule.UNKNOWN_FLAG));
    }

    @Test
    void aNullNameIsAProgrammingErrorNotAnUnknownFlag() {
        assertThatThrownBy(() -> flags.isEnabled(null)).isInstanceOf(NullPointerException.class);
        assertThat(flags.unknownLookups()).isZero();
    }

    @Test
    void knownNamesAreNotCountedAsUnknown() {
        assertThat(flags.isEnabled("search")).isTrue();
        assertThat(flags.unknownLookups()).isZero();
    }

    @Test
    void emptyFlagsKnowNoName() {
        Flags none = Flags.empty();
        assertThat(none.isEnabled("search")).isFalse();
        assertThat(none.unknownLookups()).isEqualTo(1);
    }

    @Test
    void aNameBuiltAtRunTimeIsFoundLikeALiteral() {
        String built = new StringBuilder("sea").append("rch").toString();
        assertThat(built).isNotSameAs("search");
        assertThat(flags.isEnabled(built)).isTrue();
    }

    @Test
    void theSubjectDoesNotChangeTheResultForNow() {
        Flags off = Flags.of(FlagSnapshot.of(DEFINITIONS, FlagState.initial().withOverride("search", false), "v1"));
        assertThat(off.isEnabled("search", "user-1")).isFalse();
        assertThat(off.isEnabled("checkout", "user-1")).isTrue();
    }

    @Test
    void aSwapInstallsTheNewDefinitionsStateAndConfigVersion() {
        FlagSnapshot installed = flags.swap(DEFINITIONS, FlagState.initial().withMode(Mode.BROWNOUT), "v2");

        assertThat(flags.snapshot()).isSameAs(installed);
        assertThat(flags.snapshot().configVersion()).isEqualTo("v2");
        assertThat(flags.isEnabled("search")).isFalse();
        assertThat(flags.explain("search").rule()).isEqualTo(Rule.BROWNOUT);
        assertThat(flags.isEnabled("checkout")).isTrue();
    }

    @Test
    void aStateSwapKeepsTheDefinitionsAndConfigVersion() {
        flags.swapState(FlagState.initial().withOverride("checkout", false));

        assertThat(flags.snapshot().configVersion()).isEqualTo("v1");
        assertThat(flags.snapshot().definitions()).isEqualTo(DEFINITIONS);
        assertThat(flags.explain("checkout")).isEqualTo(new FlagDecision("checkout", false, Rule.OVERRIDE));
    }

    @Test
    void anOlderStateIsRefusedAndTheInstalledSnapshotStays() {
        FlagState newer = FlagState.initial().withMode(Mode.EMERGENCY).withMode(Mode.BROWNOUT);
        FlagSnapshot installed = flags.swapState(newer);

        assertThatThrownBy(() -> flags.swapState(FlagState.initial().withMode(Mode.NORMAL)))
                .isInstanceOf(StaleFlagStateException.class)
                .hasMessage("flag state version 1 is older than the installed version 2; refusing to go back");
        assertThatThrownBy(() -> flags.swap(DEFINITIONS, FlagState.initial(), "v3"))
                .isInstanceOf(StaleFlagStateException.class);
        assertThat(flags.snapshot()).isSameAs(installed);
    }

    @Test
    void aRebaseInstallsAStateOfAnyVersionAndItsVersionRulesFromThen() {
        flags.swapState(FlagState.initial().withMode(Mode.EMERGENCY).withMode(Mode.BROWNOUT).withMode(Mode.NORMAL));
        FlagState shared = new FlagState(Mode.BROWNOUT, KillSwitches.NONE, java.util.Map.of(), java.util.Set.of(), 0);

        flags.rebase(shared);

        assertThat(flags.snapshot().state()).isEqualTo(shared);
        assertThat(flags.snapshot().configVersion()).isEqualTo("v1");
        assertThat(flags.isEnabled("search")).as("shed at brownout").isFalse();
        flags.swapState(new FlagState(Mode.NORMAL, KillSwitches.NONE, java.util.Map.of(), java.util.Set.of(), 1));
        assertThat(flags.snapshot().state().version()).isEqualTo(1);
        assertThatThrownBy(() -> flags.swapState(shared)).as("version 0 is older than the shared version 1")
                .isInstanceOf(StaleFlagStateException.class);
    }

    @Test
    void theSameStateVersionMayComeWithNewConfiguration() {
        FlagState state = FlagState.initial().withMode(Mode.BROWNOUT);
        flags.swapState(state);

        flags.swap(List.of(CHECKOUT), state, "v2");

        assertThat(flags.snapshot().configVersion()).isEqualTo("v2");
        assertThat(flags.isEnabled("search")).isFalse();
    }

    @Test
    void listenersHearEverySnapshotInstalled() {
        List<FlagSnapshot> heard = new CopyOnWriteArrayList<>();
        flags.addListener(heard::add);

        FlagSnapshot first = flags.swapState(FlagState.initial().withMode(Mode.BROWNOUT));
        FlagSnapshot second = flags.swap(DEFINITIONS, first.state(), "v2");

        assertThat(heard).containsExactly(first, second);
    }

    @Test
    void aThrowingListenerNeitherBreaksTheSwapNorSilencesTheOthers() {
        List<FlagSnapshot> heard = new CopyOnWriteArrayList<>();
        flags.addListener(snapshot -> {
            throw new IllegalStateException("listener bug");
        });
        flags.addListener(heard::add);

        FlagSnapshot installed = flags.swapState(FlagState.initial().withMode(Mode.EMERGENCY));

        assertThat(flags.snapshot()).isSameAs(installed);
        assertThat(heard).containsExactly(installed);
    }

    @Test
    void aRefusedSwapIsNotHeard() {
        flags.swapState(FlagState.initial().withMode(Mode.BROWNOUT));
        List<FlagSnapshot> heard = new CopyOnWriteArrayList<>();
        flags.addListener(heard::add);

        assertThatThrownBy(() -> flags.swapState(FlagState.initial())).isInstanceOf(StaleFlagStateException.class);

        assertThat(heard).isEmpty();
    }

    @Test
    void decisionsFollowTheOrderOfTheDefinitions() {
        assertThat(flags.snapshot().decisions()).extracting(FlagDecision::name).containsExactly("search", "checkout");
    }
}
