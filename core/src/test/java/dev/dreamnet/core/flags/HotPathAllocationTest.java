package dev.dreamnet.core.flags;

import static dev.dreamnet.core.Allocations.allocatedBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Evaluating a flag allocates nothing, known or unknown (a regression guard for the JMH figures). */
class HotPathAllocationTest {

    private static final int CALLS = 100_000;
    /** Room for the measuring itself; one object per call would be 1.6 MB. */
    private static final long SLACK_BYTES = 16 * 1024;

    private final Flags flags = Flags.of(FlagSnapshot.of(definitions(), FlagState.initial(), "v1"));

    @Test
    void evaluatingAKnownFlagAllocatesNothing() {
        String name = new StringBuilder("flag.").append(17).toString();
        long allocated = allocatedBy(() -> evaluate(name));
        assertThat(allocated).isLessThan(SLACK_BYTES);
    }

    @Test
    void evaluatingAnUnknownFlagAllocatesNothing() {
        long allocated = allocatedBy(() -> evaluate("no.such.flag"));
        assertThat(flags.unknownLookups()).isEqualTo(2L * CALLS);
        assertThat(allocated).isLessThan(SLACK_BYTES);
    }

    private void evaluate(String name) {
        int on = 0;
        for (int i = 0; i < CALLS; i++) {
            on += flags.isEnabled(name, "subject") ? 1 : 0;
        }
        assertThat(on).isBetween(0, CALLS);
    }


    private static List<FlagDefinition> definitions() {
        List<FlagDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            definitions.add(FlagDefinition.builder("flag." + i).owner("test").enabled(i % 2 == 1).build());
        }
        return definitions;
    }
}
