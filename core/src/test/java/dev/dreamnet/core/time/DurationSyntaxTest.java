package dev.dreamnet.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationSyntaxTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"500ms, PT0.5S", "30s, PT30S", "2m, PT2M", "1h, PT1H", "PT30S, PT30S", "PT1M30S, PT1M30S",
            "0s, PT0S", "-5s, PT-5S"})
    void readsAWholeNumberWithAUnitOrIso8601(String text, Duration expected) {
        assertThat(DurationSyntax.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "30", "s", "30 s", "30S", "1.5s", "30sec", "30d", "PT", "P", "ms30",
            "999999999999999999h", "1234567890123456789s"})
    void rejectsAnythingElse(String text) {
        assertThat(DurationSyntax.parse(text)).isNull();
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource({"PT0.5S, 500ms", "PT30S, 30s", "PT2M, 2m", "PT1H, 1h", "PT90S, 90s", "PT1.5S, 1500ms", "PT0S, 0s",
            "PT-5S, -5s", "PT0.0000001S, PT0.0000001S", "PT25H, 25h"})
    void formatsInTheLargestExactUnit(Duration duration, String expected) {
        assertThat(DurationSyntax.format(duration)).isEqualTo(expected);
    }
}
