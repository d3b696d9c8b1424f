package dev.dreamnet.core.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CriticalityTest {

    @Test
    void parsesTheNamesIgnoringCaseAndBlanks() {
        assertThat(Criticality.parse("CRITICAL")).isEqualTo(Criticality.CRITICAL);
        assertThat(Criticality.parse(" default ")).isEqualTo(Criticality.DEFAULT);
        assertThat(Criticality.parse("Sheddable")).isEqualTo(Criticality.SHEDDABLE);
    }

    @Test
    void anUnknownValueIsNamedWithTheAcceptedOnes() {
        assertThatThrownBy(() -> Criticality.parse("urgent"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown criticality \"urgent\" (expected CRITICAL, DEFAULT or SHEDDABLE)");
    }

    @Test
    void nullIsRefusedWithItsName() {
        assertThatThrownBy(() -> Criticality.parse(null)).hasMessage("criticality must not be null");
    }
}
