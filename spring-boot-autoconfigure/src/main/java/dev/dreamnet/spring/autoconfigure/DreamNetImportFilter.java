package dev.dreamnet.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves out actuator's Jackson 2 endpoint auto-configuration while its one bean, a second object mapper, is off
 * ({@code management.endpoints.jackson2.isolated-object-mapper=false}, which {@link DreamNetDefaults} sets unless the
 * application says otherwise). DreamNet's runtime brings Jackson 2, and its presence alone kept that configuration
 * class in the context: Spring parsed it, and every auto-proxy creator in the application (Resilience4j's aspects, for
 * one) then matched it, loading Jackson 2's {@code ObjectMapper} and the types its method names, for nothing. An
 * application that turns the mapper on keeps the configuration, as it would without DreamNet.
 */
public final class DreamNetImportFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    static final String JACKSON2_ENDPOINTS =
            "org.springframework.boot.actuate.autoconfigure.endpoint.jackson.Jackson2EndpointAutoConfiguration";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] candidates, AutoConfigurationMetadata metadata) {
        boolean mapperOff = environment != null && DreamNetDefaults.jackson2MapperOff(environment);
        boolean[] match = new boolean[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            match[i] = !(mapperOff && JACKSON2_ENDPOINTS.equals(candidates[i]));
        }
        return match;
    }
}
