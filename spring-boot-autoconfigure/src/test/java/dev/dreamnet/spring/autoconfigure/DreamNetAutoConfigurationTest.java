package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.runtime.resilience.Downstreams;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagEvaluationDetails;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration's wiring, without a server: what it creates, when it backs off, what it refuses. */
class DreamNetAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DreamNetAutoConfiguration.class,
                    DreamNetOpenFeatureConfiguration.class))
            .withPropertyValues("dreamnet.database=jdbc:h2:mem:wiring_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");

    @Test
    void createsDreamNetAndItsServicesAsBeans() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(DreamNet.class).hasSingleBean(Downstreams.class)
                    .hasSingleBean(DreamNetLifecycle.class).hasBean("dreamnetHealthContributor")
                    .hasSingleBean(DreamNetMeters.class);
            assertThat(context.getBean(Downstreams.class)).isSameAs(context.getBean(DreamNet.class).downstreams());
        });
    }

    @Test
    void theApplicationsPostProcessorsPassOverDreamNetsBeansButNotTheApplicationsOwn() {
        runner.withPropertyValues("dreamnet.gates.interval=7s").withUserConfiguration(AppWithPostProcessor.class)
                .run(context -> {
            assertThat(context).hasNotFailed().hasBean("dreamNet").hasBean("dreamNetDownstreams")
                    .hasBean("dreamnetHealthContributor").hasBean("appLifecycle").doesNotHaveBean("dreamNetLifecycle");
            List<String> seen = context.getBean(SeenBeans.class).names;
            assertThat(seen).contains("appLifecycle").doesNotContain("dreamNet", "dreamNetDownstreams", "dreamNetFlags",
                    "dreamNetRollouts", "dreamnetHealthContributor", "dreamNetMeters", "applicationAvailability",
                    "dreamNetFeatureProvider", "dreamNetOpenFeatureClient", DreamNetAutoConfiguration.class.getName(),
                    "dreamnet-" + DreamNetProperties.class.getName());
            assertThat(context.getBean(DreamNetProperties.class).gates().interval()).hasSeconds(7);
        });
    }

    /** An application bean in place of one of DreamNet's, and a post-processor (as an aspect's proxy creator is). */
    @Configuration(proxyBeanMethods = false)
    static class AppWithPostProcessor {

        @Bean
        static SeenBeans seenBeans() {
            return new SeenBeans();
        }

        @Bean
        DreamNetLifecycle appLifecycle(DreamNet dreamnet) {
            return new DreamNetLifecycle(dreamnet);
        }
    }

    static final class SeenBeans implements BeanPostProcessor {
        final List<String> names = new CopyOnWriteArrayList<>();

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            names.add(name);
            return bean;
        }
    }

    @Test
    void backsOffWhenDisabled() {
        runner.withPropertyValues("dreamnet.enabled=false").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(DreamNet.class).doesNotHaveBean(Client.class));
    }

    @Test
    void anOpenFeatureClientReadsDreamNetsFlagsWhenTheProviderIsOnTheClassPath() {
        runner.withPropertyValues("dreamnet.flags=src/test/resources/test-flags.yaml").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Client.class);
            Client client = context.getBean(Client.class);
            FlagEvaluationDetails<Boolean> known = client.getBooleanDetails("recommendations", false);
            assertThat(known.getValue()).isTrue();
            assertThat(known.getFlagMetadata().getString("rule")).isEqualTo("FLAG_VALUE");
            assertThat(client.getBooleanDetails("no-such-flag", false).getErrorCode())
                    .isEqualTo(ErrorCode.FLAG_NOT_FOUND);
        });
    }

    @Test
    void refusesAFleetWithoutPostgresqlNamingTheSetting() {
        runner.withPropertyValues("dreamnet.fleet.enabled=true").run(context -> assertThat(context).hasFailed()
                .getFailure().hasStackTraceContaining("dreamnet.fleet.enabled=true needs a PostgreSQL dreamnet.database"));
    }

    @Test
    void tokenPropertiesTakeThePlaceOfTheEnvironmentVariables() {
        Map<String, String> environment = DreamNetFactory.environment(new DreamNetProperties.Tokens(
                java.util.List.of("a1", "a2"), java.util.List.of(), null, Path.of("read-tokens")),
                Map.of(AccessControl.ADMIN_TOKENS, "from-env", "PATH", "/bin"));

        assertThat(environment).containsEntry(AccessControl.ADMIN_TOKENS, "a1,a2").containsEntry("PATH", "/bin")
                .containsEntry(AccessControl.READ_TOKENS_FILE, Path.of("read-tokens").toAbsolutePath().toString())
                .doesNotContainKey(AccessControl.READ_TOKENS);
    }

    @Test
    void everyPropertyIsDescribedForTheIdeInPlainText() throws Exception {
        java.net.URL metadata = DreamNetAutoConfigurationTest.class.getClassLoader()
                .getResource("META-INF/spring-configuration-metadata.json");
        assertThat(metadata).as("the configuration processor's metadata is in the jar").isNotNull();
        tools.jackson.databind.JsonNode properties;
        try (java.io.InputStream in = metadata.openStream()) {
            properties = new tools.jackson.databind.ObjectMapper().readTree(in).get("properties");
        }
        assertThat(properties).isNotEmpty();
        assertThat(properties).filteredOn(p -> p.get("name").asText().startsWith("dreamnet."))
                .hasSizeGreaterThan(15)
                .allSatisfy(p -> assertThat(p.path("description").asText()).as(p.get("name").asText())
                        .isNotBlank().doesNotContain("{@"));
    }
}
