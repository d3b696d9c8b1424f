package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** How the starter reads its own switches from the environment before the context is refreshed. */
class DreamNetDefaultsTest {

    /** An environment as Spring Boot prepares one: Boot's relaxed view attached in front of the given sources. */
    private static StandardEnvironment environment(Map<String, Object> file, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource("variables", variables));
        environment.getPropertySources().addLast(new MapPropertySource("application.properties", file));
        ConfigurationPropertySources.attach(environment);
        return environment;
    }

    @Test
    void readsTheFirstSourceThatHasTheSettingAndTheDefaultWhenNoneHasIt() {
        StandardEnvironment environment = environment(Map.of("dreamnet.enabled", "false"), Map.of());
        assertThat(DreamNetDefaults.flag(environment, "dreamnet.enabled", true)).isFalse();
        assertThat(DreamNetDefaults.flag(environment, "dreamnet.web.enabled", true)).isTrue();
        assertThat(DreamNetDefaults.flag(environment, "dreamnet.web.enabled", false)).isFalse();

        StandardEnvironment both = environment(Map.of("dreamnet.enabled", "false"), Map.of("DREAMNET_ENABLED", "true"));
        assertThat(DreamNetDefaults.flag(both, "dreamnet.enabled", false)).as("the variables come first here").isTrue();
    }

    @Test
    void readsOperatingSystemVariablesByTheirUnderscoredNames() {
        StandardEnvironment environment = environment(Map.of(),
                Map.of("MANAGEMENT_ENDPOINTS_JACKSON2_ISOLATED_OBJECT_MAPPER", "true", "DREAMNET_ENABLED", "FALSE"));
        assertThat(DreamNetDefaults.flag(environment, DreamNetImportFilter.JACKSON2_MAPPER, false)).isTrue();
        assertThat(DreamNetDefaults.flag(environment, "dreamnet.enabled", true)).isFalse();
    }

    @Test
    void resolvesPlaceholdersAndSpringsBooleanWords() {
        StandardEnvironment environment = environment(Map.of("dreamnet.enabled", "${feature.on:off}",
                "dreamnet.web.enabled", "yes"), Map.of());
        assertThat(DreamNetDefaults.flag(environment, "dreamnet.enabled", true)).isFalse();
        assertThat(DreamNetDefaults.flag(environment, "dreamnet.web.enabled", false)).isTrue();
    }

    @Test
    void refusesAValueThatIsNotABooleanAsBootWould() {
        StandardEnvironment environment = environment(Map.of("dreamnet.enabled", "perhaps"), Map.of());
        assertThatThrownBy(() -> DreamNetDefaults.flag(environment, "dreamnet.enabled", true))
                .isInstanceOf(ConversionFailedException.class).hasMessageContaining("perhaps");
    }

    @Test
    void aPlainEnvironmentIsReadAsItAnswers() {
        assertThat(DreamNetDefaults.flag(new MockEnvironment().withProperty("dreamnet.enabled", "false"),
                "dreamnet.enabled", true)).isFalse();
    }
}
