package dev.dreamnet.bench.overload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dreamnet.core.overload.Criticality;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassMixTest {

    @Test
    void everyHundredRequestsCarryTheMixExactly() {
        ClassMix mix = ClassMix.parse("10,20,70");
        for (int start : new int[] {0, 100, 5_000}) {
            Map<Criticality, Integer> counts = new EnumMap<>(Criticality.class);
            for (int n = start; n < start + 100; n++) {
                counts.merge(mix.classOf(n), 1, Integer::sum);
            }
            assertEquals(Map.of(Criticality.CRITICAL, 10, Criticality.DEFAULT, 20, Criticality.SHEDDABLE, 70), counts);
        }
    }

    @Test
    void theClassesAreSpreadNotBunched() {
        ClassMix mix = new ClassMix(10, 20, 70);
        for (int start = 0; start < 100; start += 10) {
            int critical = 0;
            for (int n = start; n < start + 10; n++) {
                critical += mix.classOf(n) == Criticality.CRITICAL ? 1 : 0;
            }
            assertEquals(1, critical, "CRITICAL requests among " + start + ".." + (start + 9));
        }
    }

    @Test
    void aMixNotAddingUpTo100IsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassMix.parse("20,40,30"));
        assertEquals("the mix needs 3 percentages ([CRITICAL, DEFAULT, SHEDDABLE]) of at least 0 adding up to 100, "
                + "was [20, 40, 30]", e.getMessage());
    }
}
