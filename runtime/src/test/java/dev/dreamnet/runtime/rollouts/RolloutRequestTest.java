package dev.dreamnet.runtime.rollouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dreamnet.core.rollout.RolloutConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolloutRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aJsonBodyAndTheSameFieldsAsTextAskForTheSameRollout() throws Exception {
        RolloutConfig fromJson = RolloutRequest.config(JSON.readTree("""
                {"name": "search-v2", "steps": [5, 25, 100], "bakeTime": "90s", "window": "2m", "maxErrorRate": 0.02,
                 "maxP99": "400ms", "minRequests": 3e2, "autoPromote": false, "autoRollback": true,
                 "significance": 0.01, "latencyTolerance": 0.5, "latencyEffect": 0.2, "reason": "INC-1"}"""));
        RolloutConfig fromText = RolloutRequest.config(Map.ofEntries(Map.entry("name", "search-v2"),
                Map.entry("steps", "5, 25,100"), Map.entry("bakeTime", "90s"), Map.entry("window", "2m"),
                Map.entry("maxErrorRate", "0.02"), Map.entry("maxP99", "400ms"), Map.entry("minRequests", "300"),
                Map.entry("autoPromote", "false"), Map.entry("autoRollback", "true"), Map.entry("significance", "0.01"),
                Map.entry("latencyTolerance", "0.5"), Map.entry("latencyEffect", "0.2"), Map.entry("reason", "INC-1")));

        assertThat(fromText).isEqualTo(fromJson);
        assertThat(fromJson.steps()).containsExactly(5.0, 25.0, 100.0);
        assertThat(fromJson.bakeTime()).isEqualTo(Duration.ofSeconds(90));
        assertThat(fromJson.minRequests()).isEqualTo(300);
        assertThat(fromJson.autoPromote()).isFalse();
        assertThat(fromJson.latencyEffect()).isEqualTo(0.2);
    }

    @Test
    void onlyANameIsNeededTheRestIsTheDefaults() throws Exception {
        assertThat(RolloutRequest.config(Map.of("name", "search-v2")))
                .isEqualTo(RolloutConfig.builder("search-v2").build())
                .isEqualTo(RolloutRequest.config(JSON.readTree("{\"name\": \"search-v2\"}")));
        Map<String, String> withNulls = new HashMap<>();
        withNulls.put("name", "search-v2");
        withNulls.put("steps", null);
        assertThat(RolloutRequest.config(withNulls)).as("a null text field is absent")
                .isEqualTo(RolloutConfig.builder("search-v2").build());
    }

    @Test
    void jsonIsReadByItsOwnTypesAndEveryRefusalNamesTheField() {
        Map<String, String> refusals = Map.of(
                "{\"name\": \"a\", \"minRequests\": 1.7}", "minRequests: must be a whole number from 1",
                "{\"name\": \"a\", \"minRequests\": 0}", "minRequests: must be a whole number from 1",
                "{\"name\": \"a\", \"maxErrorRate\": \"0.05\"}", "maxErrorRate: must be a number, was \"0.05\"",
                "{\"name\": \"a\", \"autoPromote\": \"true\"}", "autoPromote: must be true or false",
                "{\"name\": \"a\", \"steps\": \"10,100\"}", "steps: must be an array of percentages",
                "{\"name\": \"a\", \"steps\": [10, \"all\"]}", "steps[]: must be a number",
                "{\"name\": \"a\", \"bakeTime\": 90}", "bakeTime: must be a duration such as",
                "{\"name\": 7}", "name: must be a string such as",
                "{\"reason\": \"r\"}", "name: required",
                "{\"name\": \"a\", \"bake\": \"1m\"}", "unknown field(s) [bake]");
        refusals.forEach((body, message) -> assertThatThrownBy(() -> RolloutRequest.config(JSON.readTree(body)))
                .as(body).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message));
        assertThatThrownBy(() -> RolloutRequest.config(JSON.readTree("[1]")))
                .hasMessageContaining("body must be a JSON object");
    }

    @Test
    void textIsReadStrictlyTooAndEveryRefusalNamesTheField() {
        Map<String, String> refusals = Map.of(
                "minRequests=1.5", "minRequests: must be a whole number from 1 to 2147483647, was \"1.5\"",
                "minRequests=-3", "minRequests: must be a whole number",
                "maxErrorRate=NaN", "maxErrorRate: must be a number, was \"NaN\"",
                "autoRollback=yes", "autoRollback: must be true or false, was \"yes\"",
                "steps=10;100", "steps: must be percentages separated by commas",
                "steps=10,,100", "steps: must be percentages separated by commas",
                "window=soon", "window: must be a duration such as",
                "colour=red", "unknown field(s) [colour]");
        refusals.forEach((field, message) -> {
            String[] pair = field.split("=", 2);
            assertThatThrownBy(() -> RolloutRequest.config(Map.of("name", "a", pair[0], pair[1])))
                    .as(field).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
        });
        assertThatThrownBy(() -> RolloutRequest.config(Map.of("steps", "10,100")))
                .hasMessageContaining("name: required");
    }
}
