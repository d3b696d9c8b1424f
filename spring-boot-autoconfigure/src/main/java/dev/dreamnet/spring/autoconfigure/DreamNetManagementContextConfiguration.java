package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.runtime.DreamNet;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SearchStrategy;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The actuator on a port of its own ({@code management.server.port}) in a servlet application: Spring Boot serves it
 * from a child context whose web server runs none of the application's filters, so {@link EndpointGuard} is
 * registered there too, and the {@code dreamnet} endpoint's writes are checked before their body is read on that port
 * as on the application's; and the operator console ({@link EndpointConsoleFilter}) is served there, beside the
 * endpoint it calls. (WebFlux runs the application's web filters on the management port already.)
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(FilterRegistrationBean.class)
@ConditionalOnBean(DreamNet.class)
public class DreamNetManagementContextConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "dreamNetEndpointGuard", search = SearchStrategy.CURRENT)
    FilterRegistrationBean<EndpointGuard> dreamNetEndpointGuard(DreamNet dreamnet, DreamNetProperties properties,
                                                                Environment environment) {
        return DreamNetAutoConfiguration.Servlet.endpointGuard(
                DreamNetAutoConfiguration.endpointRules(dreamnet, properties, environment));
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "dreamnet.endpoints.console", matchIfMissing = true)
    @ConditionalOnMissingBean(name = "dreamNetEndpointConsole", search = SearchStrategy.CURRENT)
    @ConditionalOnAvailableEndpoint(DreamNetEndpoint.class)
    FilterRegistrationBean<EndpointConsoleFilter> dreamNetEndpointConsole(DreamNet dreamnet,
                                                                         DreamNetProperties properties,
                                                                         Environment environment) {
        return DreamNetAutoConfiguration.Endpoints.ServletConsole.endpointConsole(
                DreamNetAutoConfiguration.endpointRules(dreamnet, properties, environment));
    }
}
