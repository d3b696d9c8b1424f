package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** Which auto-configurations the starter leaves out, and when it leaves them in. */
class DreamNetImportFilterTest {

    private static final String OTHER = "org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration";
    private static final String[] CANDIDATES = {OTHER, DreamNetImportFilter.JACKSON2_ENDPOINTS, null};

    private static boolean[] match(Environment environment) {
        DreamNetImportFilter filter = new DreamNetImportFilter();
        filter.setEnvironment(environment);
        return filter.match(CANDIDATES, null);
    }

    /**
     * An environment as Spring Boot prepares one, from the application's file and the operating system's variables (in
     * place of this machine's): Boot's relaxed view attached, then the starter's defaults brought.
     */
    private static StandardEnvironment prepared(Map<String, Object> file, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        environment.getPropertySources().addLast(new MapPropertySource("application.properties", file));
        ConfigurationPropertySources.attach(environment);
        new DreamNetDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void leavesOutActuatorsJackson2ConfigurationWhileItsMapperIsOff() {
        assertThat(match(prepared(Map.of(), Map.of()))).as("the starter's default").containsExactly(true, false, true);
        assertThat(match(prepared(Map.of(DreamNetDefaults.JACKSON2_MAPPER, "false"), Map.of())))
                .as("the application's own choice").containsExactly(true, false, true);
    }

    @Test
    void keepsItWhenTheApplicationTurnsTheMapperOnByAnyOfBootsNames() {
        assertThat(match(prepared(Map.of(DreamNetDefaults.JACKSON2_MAPPER, "true"), Map.of())))
                .containsExactly(true, true, true);
        assertThat(match(prepared(Map.of("management.endpoints.jackson2.isolatedObjectMapper", "true"), Map.of())))
                .as("camel case in a file").containsExactly(true, true, true);
        assertThat(match(prepared(Map.of(), Map.of("MANAGEMENT_ENDPOINTS_JACKSON2_ISOLATEDOBJECTMAPPER", "true"))))
                .as("an operating system variable").containsExactly(true, true, true);
    }

    @Test
    void keepsItWhenDreamNetIsOffOrItsDefaultsWereNeverBrought() {
        assertThat(match(prepared(Map.of("dreamnet.enabled", "false"), Map.of()))).containsExactly(true, true, true);
        assertThat(match(prepared(Map.of(), Map.of("DREAMNET_ENABLED", "false")))).containsExactly(true, true, true);
        assertThat(match(new MockEnvironment().withProperty(DreamNetDefaults.JACKSON2_MAPPER, "false")))
                .as("an environment the starter's defaults did not prepare").containsExactly(true, true, true);
    }
}
