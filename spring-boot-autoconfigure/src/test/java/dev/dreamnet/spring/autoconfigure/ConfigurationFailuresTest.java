package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.runtime.DreamNet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What a careless configuration gets: a start that fails with Spring Boot's report naming the property or file (not a
 * page of stack traces), timings no gate could meet refused, Spring Security named but absent refused rather than the
 * endpoint left open, and an override that outlived its flag still cleared.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationFailuresTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DreamNetAutoConfiguration.class))
            .withPropertyValues("dreamnet.database=jdbc:h2:mem:failures_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");

    @Test
    void timingsNoGateCouldMeetAreRefusedNamingTheProperty() {
        assertRefused(runner.withPropertyValues("dreamnet.gates.interval=1ms"),
                "dreamnet.gates.interval must be at least 10ms (a check gets half of it to answer), was 1ms");
        assertRefused(runner.withPropertyValues("dreamnet.gates.startup-interval=0s"),
                "dreamnet.gates.startup-interval must be at least 10ms");
        assertRefused(runner.withPropertyValues("dreamnet.shutdown-grace=-5s"),
                "dreamnet.shutdown-grace must not be negative, was -5000ms");
        assertRefused(runner.withPropertyValues("dreamnet.startup-threads=0"),
                "dreamnet.startup-threads must be at least 1, was 0");
        // Bug: started, then the timers' nanoseconds overflowed: the gate was never checked again, the drain skipped.
        assertRefused(runner.withPropertyValues("dreamnet.gates.interval=1000000d"),
                "dreamnet.gates.interval must be at most 1d (24h), was 24000000h");
        assertRefused(runner.withPropertyValues("dreamnet.gates.startup-interval=2d"),
                "dreamnet.gates.startup-interval must be at most 1d");
        assertRefused(runner.withPropertyValues("dreamnet.shutdown-grace=1000000d"),
                "dreamnet.shutdown-grace must be at most 1d");
        assertRefused(runner.withPropertyValues("dreamnet.database=garbage"),
                "dreamnet.database must be an H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql://...) JDBC URL, was garbage");
    }

    @Test
    void aBadFileIsReportedWithItsNameAndWhatToDo(@TempDir Path dir) throws Exception {
        Path flags = dir.resolve("flags.yaml");
        Files.writeString(flags, "flags:\n  checkout:\n    enabled: sometimes\n");
        assertRefused(runner.withPropertyValues("dreamnet.flags=" + flags), "flags.yaml:3");
    }

    @Test
    void anUnknownEndpointAuthIsRefusedBeforeTheRuntimeIsBuilt() {
        // Bug: refused only when the endpoint's guard was made, after the runtime's threads had started, so Tomcat
        // logged about 90 lines of "appears to have started a thread ... memory leak" around the report.
        assertRefused(new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DreamNetAutoConfiguration.class))
                .withPropertyValues("dreamnet.database=jdbc:h2:mem:auth_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                        "dreamnet.endpoints.auth=maybe"),
                "dreamnet.endpoints.auth must be tokens, spring-security or auto, was \"maybe\"");
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DreamNetAutoConfiguration.class))
                .withPropertyValues("dreamnet.database=jdbc:h2:mem:auth_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                        "dreamnet.endpoints.auth=maybe")
                .run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("DreamNetFactory"));
    }

    @Test
    void onlyARouteFlagTheFlagsFileLacksIsWarnedAbout(@TempDir Path dir, CapturedOutput output) throws Exception {
        // Bug: the flags file was read when DreamNet started, after the filter was made, so every route flag was
        // warned about, the example's own included, and a misspelt one could not be told from a good one.
        Path flags = Files.writeString(dir.resolve("flags.yaml"), flag("kept"));
        new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(DreamNetAutoConfiguration.class))
                .withPropertyValues("dreamnet.database=jdbc:h2:mem:routes_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                        "dreamnet.flags=" + flags, "dreamnet.web.route-flags.kept=/api/kept/**",
                        "dreamnet.web.route-flags.kpet=/api/typo/**")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasBean("dreamNetFilter");
                    assertThat(output).contains("dreamnet.web.route-flags.kpet names no flag")
                            .doesNotContain("dreamnet.web.route-flags.kept names no flag");
                });
    }

    @Test
    void springSecurityNamedButAbsentIsRefusedRatherThanTheEndpointLeftOpen() {
        assertRefused(new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DreamNetAutoConfiguration.class))
                .withPropertyValues("dreamnet.database=jdbc:h2:mem:security_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                        "dreamnet.endpoints.auth=spring-security"),
                "dreamnet.endpoints.auth is spring-security, but Spring Security is not on the class path");
    }

    @Test
    void anOverrideThatOutlivedItsFlagCanStillBeCleared(@TempDir Path dir) throws Exception {
        Path flags = dir.resolve("flags.yaml");
        Files.writeString(flags, flag("kept") + flag("gone"));
        runner.withPropertyValues("dreamnet.flags=" + flags, "dreamnet.tokens.admin=admin-secret").run(context -> {
            DreamNet dreamnet = context.getBean(DreamNet.class);
            asAdmin(dreamnet, endpoint -> {
                assertThat(endpoint.change(SecurityContext.NONE, "overrides", "gone", null, "false", "INC-3")
                        .getStatus()).isEqualTo(200);
                Files.writeString(flags, flag("kept"));
                await().atMost(Duration.ofSeconds(15)).until(() -> !dreamnet.flags().snapshot().contains("gone"));
                assertThat(dreamnet.flags().snapshot().state().overrides()).containsEntry("gone", false);

                assertThat(endpoint.clear(SecurityContext.NONE, "overrides", "gone", null).getStatus()).isEqualTo(200);

                assertThat(dreamnet.flags().snapshot().state().overrides()).doesNotContainKey("gone");
                assertThat(endpoint.clear(SecurityContext.NONE, "overrides", "never", null).getStatus()).isEqualTo(404);
            });
        });
    }

    @Test
    void aRolloutActionItsStatusDoesNotAllowIsAConflictNotAServerError() {
        runner.withPropertyValues("dreamnet.tokens.admin=admin-secret").run(context -> {
            DreamNet dreamnet = context.getBean(DreamNet.class);
            dreamnet.rollouts().start(dev.dreamnet.core.rollout.RolloutConfig.builder("search-v2").build(), "tester",
                    "a canary");
            asAdmin(dreamnet, endpoint -> {
                assertThat(endpoint.change(SecurityContext.NONE, "rollouts", "search-v2", "rollback", null, "INC-9")
                        .getStatus()).isEqualTo(200);

                var promoted = endpoint.change(SecurityContext.NONE, "rollouts", "search-v2", "promote", null, "again");

                assertThat(promoted.getStatus()).isEqualTo(409);
                @SuppressWarnings("unchecked") java.util.Map<String, Object> body = (java.util.Map<String, Object>) promoted.getBody();
                assertThat(body).containsEntry("error", "conflict")
                        .hasEntrySatisfying("detail", detail -> assertThat(detail.toString())
                                .startsWith("cannot promote rollout \"search-v2\": it is ROLLED_BACK"));
            });
        });
    }

    /** What {@code calls} does with the endpoint, each call made as a request with the admin token. */
    private interface EndpointCalls {
        void run(DreamNetEndpoint endpoint) throws Exception;
    }

    private static void asAdmin(DreamNet dreamnet, EndpointCalls calls) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", "Bearer admin-secret");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            calls.run(new DreamNetEndpoint(dreamnet, new Operator(dreamnet.access(), false)));
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    /** A client of a downstream whose name is misspelt on one method. */
    static class PricingClient {
        @DreamNetCall("pricing")
        public String price() {
            return "1";
        }

        @DreamNetCall("pricng")
        public String discount() {
            return "0";
        }
    }

    /** A client whose calls return before the downstream answers. */
    static class AsyncPricingClient {
        @DreamNetCall("pricing")
        public reactor.core.publisher.Mono<String> price() {
            return reactor.core.publisher.Mono.just("1");
        }

        @DreamNetCall("pricing")
        public java.util.concurrent.CompletableFuture<String> discount() {
            return java.util.concurrent.CompletableFuture.completedFuture("0");
        }

        @DreamNetCall("pricing")
        public String tax() {
            return "0.2";
        }
    }

    /** A client whose class names a downstream that no file configures. */
    @DreamNetCall("inventory")
    static class InventoryClient {
        public int stock() {
            return 3;
        }
    }

    @Test
    void aDreamNetCallOnAMethodThatAnswersLaterFailsTheStartNamingIt(@TempDir Path dir) throws Exception {
        Path resilience = Files.writeString(dir.resolve("resilience.yaml"), "services:\n  pricing:\n    timeout: 2s\n");

        assertRefused(runner.withPropertyValues("dreamnet.resilience=" + resilience)
                        .withBean(AsyncPricingClient.class),
                "AsyncPricingClient.discount() returns CompletableFuture; AsyncPricingClient.price() returns Mono, "
                        + "with @DreamNetCall: the breaker, retries and timeout guard a call that returns its answer");
    }

    @Test
    void aDreamNetCallNamingNoConfiguredDownstreamFailsTheStartNotTheFirstCall(@TempDir Path dir) throws Exception {
        Path resilience = dir.resolve("resilience.yaml");
        Files.writeString(resilience, "services:\n  pricing:\n    timeout: 2s\n");
        ApplicationContextRunner configured = runner.withPropertyValues("dreamnet.resilience=" + resilience);

        assertRefused(configured.withBean(PricingClient.class).withBean(InventoryClient.class),
                "InventoryClient has @DreamNetCall(\"inventory\"); PricingClient.discount() has "
                        + "@DreamNetCall(\"pricng\"), but the resilience configuration (dreamnet.resilience) has no "
                        + "such downstream service (configured: pricing");

        configured.withBean(InventoryClient.class, InventoryClient::new).withBean(PricingClient.class, PricingClient::new)
                .withPropertyValues("dreamnet.resilience=" + writeBoth(dir)).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(PricingClient.class).discount()).isEqualTo("0");
                    assertThat(context.getBean(InventoryClient.class).stock()).isEqualTo(3);
                    assertThat(context.getBean(dev.dreamnet.runtime.resilience.Downstreams.class)
                            .breaker("inventory").snapshot().calls()).isEqualTo(1);
                });
    }

    private static Path writeBoth(Path dir) throws java.io.IOException {
        return Files.writeString(dir.resolve("all.yaml"),
                "services:\n  pricing:\n    timeout: 2s\n  pricng:\n    timeout: 2s\n  inventory:\n    timeout: 2s\n");
    }

    private static String flag(String name) {
        return (name.equals("kept") ? "flags:\n" : "") + "  " + name + ":\n    enabled: true\n    owner: team\n"
                + "    description: a flag\n";
    }

    private static void assertRefused(org.springframework.boot.test.context.runner.AbstractApplicationContextRunner<?, ?, ?> runner,
                                      String message) {
        runner.run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            FailureAnalysis analysis = new DreamNetFailureAnalyzer().analyze(failure);
            assertThat(analysis).as("Spring Boot reports it without the stack trace").isNotNull();
            assertThat(analysis.getDescription()).contains(message);
            assertThat(analysis.getAction()).contains("dreamnet.enabled=false");
        });
    }
}
