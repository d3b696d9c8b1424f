package dev.dreamnet.runtime.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.core.startup.ServiceSpec;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static Settings timeout(String value) {
        ServiceSpec spec = ServiceSpec.builder("db").kind("database").readiness(Map.of("timeout", value)).build();
        return new Settings(spec, Set.of("timeout"));
    }

    @Test
    void readsTheDurationsOfTheConfigurationFiles() {
        assertThat(timeout("1500ms").duration("timeout", null)).isEqualTo(Duration.ofMillis(1500));
        assertThat(timeout("1h").duration("timeout", null)).isEqualTo(Duration.ofHours(1));
        assertThat(timeout("PT30S").duration("timeout", null)).isEqualTo(Duration.ofSeconds(30));
    }

    /** readiness.timeout "99999999999999999999m" escaped as a NumberFormatException, and huge minutes overflowed. */
    @Test
    void aDurationBeyondADayIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> timeout("99999999999999999999m").duration("timeout", null))
                .hasMessage("readiness.timeout \"99999999999999999999m\" is out of range (at most 24h) (kind \"database\")");
        assertThatThrownBy(() -> timeout("99999999999m").duration("timeout", null))
                .hasMessage("readiness.timeout \"99999999999m\" is out of range (at most 24h) (kind \"database\")");
    }

    @Test
    void aZeroDurationIsRefused() {
        assertThatThrownBy(() -> timeout("0s").duration("timeout", null))
                .hasMessageStartingWith("readiness.timeout must be a positive duration such as \"500ms\"");
    }

    private static Settings query(String value) {
        ServiceSpec spec = ServiceSpec.builder("db").kind("database").readiness(Map.of("query", value)).build();
        return new Settings(spec, Set.of("query"));
    }

    /** A readiness query runs every few seconds: "DELETE FROM dreams" there emptied the table again and again. */
    @Test
    void aReadinessQueryOnlyReads() {
        assertThat(query("SELECT 1").readQuery("query", null)).isEqualTo("SELECT 1");
        assertThat(query("  select count(*) from dreams;  ").readQuery("query", null))
                .isEqualTo("select count(*) from dreams");
        assertThat(query("VALUES 1").readQuery("query", null)).isEqualTo("VALUES 1");
        for (String write : java.util.List.of("DELETE FROM dreams", "DROP ALL OBJECTS", "SELECT 1; DELETE FROM dreams",
                "UPDATE dreams SET title = ''", "SELECTx")) {
            assertThatThrownBy(() -> query(write).readQuery("query", null)).as(write)
                    .hasMessage("readiness.query must be one SELECT or VALUES statement that only reads, was \""
                            + write + "\" (kind \"database\")");
        }
    }
}
