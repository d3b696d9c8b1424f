package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

/** A {@code dreamnet.*} key that no property has is named at start, rather than silently doing nothing. */
@ExtendWith(OutputCaptureExtension.class)
class UnknownPropertiesTest {

    @Test
    void aMisspeltKeyIsNamedAndEveryPropertyInAnyOfBootsFormsIsNot() {
        // Bug: dreamnet.web.enabeld=false started without a word, and the filter it meant to turn off stayed on.
        MockEnvironment environment = new MockEnvironment()
                .withProperty("dreamnet.web.enabeld", "false")
                .withProperty("dreamnet.shutdown-grace", "10s")
                .withProperty("dreamnet.shutdownGrace", "10s")
                .withProperty("dreamnet.gates.startup_interval", "100ms")
                .withProperty("dreamnet.tokens.admin[0]", "secret")
                .withProperty("dreamnet.tokens.admin-file", "/run/secrets/admin")
                .withProperty("dreamnet.web.route-flags.recommendations", "/api/recommendations/**")
                .withProperty("dreamnet.web.route-flags.search[1]", "/api/search/**")
                .withProperty("dreamnet.fleet.enabled", "false")
                .withProperty("dreamnet.endpoints.auth", "tokens")
                .withProperty("dreamnet.slo", "config/slos.yaml")
                .withProperty("management.endpoints.web.exposure.include", "dreamnet");

        assertThat(UnknownProperties.in(environment)).containsExactly("dreamnet.slo", "dreamnet.web.enabeld");
    }

    @Test
    void theEnvironmentsVariablesAndSystemPropertiesAreNotRead() {
        MockEnvironment environment = new MockEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource(
                StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, Map.of("dreamnet.cli.jar", "cli.jar",
                        "dreamnet.preload", "false")));

        assertThat(UnknownProperties.in(environment)).isEmpty();
    }

    @Test
    void theStarterWarnsOfEachAtStart(CapturedOutput output) {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DreamNetAutoConfiguration.class))
                .withPropertyValues("dreamnet.database=jdbc:h2:mem:unknown_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                        "dreamnet.web.enabeld=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(output).contains("dreamnet.web.enabeld is not a DreamNet property and has no effect")
                            .doesNotContain("dreamnet.database is not a DreamNet property");
                });
    }
}
