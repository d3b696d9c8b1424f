package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.startup.GraphValidationException;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.flags.FlagService;
import dev.dreamnet.runtime.resilience.Downstreams;
import dev.dreamnet.runtime.rollouts.RolloutService;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * DreamNet in a Spring Boot application, from {@code dreamnet.*} properties: the {@link DreamNet} bean (its graph
 * made of the graph file and the application's component beans), run in Spring's lifecycle; readiness folded into
 * Spring's availability; the health gates as health indicators; meters in the application's registry; the
 * {@code dreamnet} actuator endpoint; the servlet filter; {@link DreamNetCall}. Every bean backs off when the
 * application defines its own.
 */
@AutoConfiguration(before = ApplicationAvailabilityAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "dreamnet.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DreamNetProperties.class)
public class DreamNetAutoConfiguration {

    @Bean(destroyMethod = "shutdown")
    @ConditionalOnMissingBean
    DreamNet dreamNet(DreamNetProperties properties, ListableBeanFactory beans,
                      ObjectProvider<DreamNetCustomizer> customizers, Environment environment) throws Exception {
        UnknownProperties.warn(environment);
        DreamNet dreamnet;
        try {
            dreamnet = DreamNetFactory.build(properties, beans, System.getenv(), customizers.orderedStream().toList());
        } catch (ConfigException | GraphValidationException | IllegalArgumentException e) {
            throw new DreamNetConfigurationException(e.getMessage(), e);
        }
        dreamnet.prepare(); // a store with something to restore opens while the rest of the context is built
        return dreamnet;
    }

    /** The 503 answers to DreamNet's refusals that reach a controller, Spring MVC's or Spring WebFlux's. */
    @Bean
    @ConditionalOnWebApplication
    @ConditionalOnMissingBean
    DreamNetErrors dreamNetErrors(DreamNet dreamnet) {
        return new DreamNetErrors(dreamnet.clock());
    }

    @Bean
    @ConditionalOnMissingBean
    DreamNetLifecycle dreamNetLifecycle(DreamNet dreamnet) {
        return new DreamNetLifecycle(dreamnet);
    }

    @Bean
    @ConditionalOnMissingBean(ApplicationAvailability.class)
    DreamNetAvailability applicationAvailability(DreamNet dreamnet, ApplicationEventPublisher publisher) {
        return new DreamNetAvailability(dreamnet.state(), publisher);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> dreamNetApplicationReady(ObjectProvider<DreamNetAvailability> ours) {
        return event -> ours.ifAvailable(DreamNetAvailability::applicationReady);
    }

    @Bean
    @ConditionalOnMissingBean
    Downstreams dreamNetDownstreams(DreamNet dreamnet) {
        return dreamnet.downstreams();
    }

    @Bean
    @ConditionalOnMissingBean
    FlagService dreamNetFlags(DreamNet dreamnet) {
        return dreamnet.flags();
    }

    @Bean
    @ConditionalOnMissingBean
    RolloutService dreamNetRollouts(DreamNet dreamnet) {
        return dreamnet.rollouts();
    }

    @Bean
    static DreamNetInfrastructure dreamNetInfrastructure() {
        return new DreamNetInfrastructure();
    }

    @Bean
    static DreamNetCallProcessor dreamNetCallProcessor(ObjectProvider<Downstreams> downstreams) {
        return new DreamNetCallProcessor(downstreams);
    }

    /** The health gates under {@code dreamnet} in {@code /actuator/health} and its readiness group. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthContributor.class)
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "dreamnetHealthContributor")
        GateHealth dreamnetHealthContributor(DreamNet dreamnet) {
            return new GateHealth(dreamnet.state().gates());
        }
    }

    /** DreamNet's meters in the application's registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterBinder.class)
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean
        DreamNetMeters dreamNetMeters(DreamNet dreamnet) {
            return new DreamNetMeters(dreamnet);
        }
    }

    /** The {@code dreamnet} actuator endpoint. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    static class Endpoints {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnAvailableEndpoint(DreamNetEndpoint.class)
        DreamNetEndpoint dreamNetEndpoint(DreamNet dreamnet, DreamNetProperties properties) {
            return new DreamNetEndpoint(dreamnet, new Operator(dreamnet.access(), springSecurity(properties)));
        }

        /**
         * Under Spring WebFlux, the endpoint's operations with the request's headers ({@link DreamNetReactiveEndpoint}),
         * and the operator console ({@link EndpointConsoleWebFilter}).
         */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
        @ConditionalOnClass(org.springframework.web.server.WebFilter.class)
        static class Reactive {

            @Bean
            @ConditionalOnMissingBean
            @ConditionalOnAvailableEndpoint(DreamNetEndpoint.class)
            DreamNetReactiveEndpoint dreamNetReactiveEndpoint(DreamNetEndpoint endpoint) {
                return new DreamNetReactiveEndpoint(endpoint);
            }

            @Bean
            @ConditionalOnBooleanProperty(name = "dreamnet.endpoints.console", matchIfMissing = true)
            @ConditionalOnMissingBean(name = "dreamNetEndpointConsoleWebFilter")
            @ConditionalOnAvailableEndpoint(DreamNetEndpoint.class)
            EndpointConsoleWebFilter dreamNetEndpointConsoleWebFilter(DreamNet dreamnet, DreamNetProperties properties,
                                                                      Environment environment,
                                                                      ApplicationContext context) {
                return new EndpointConsoleWebFilter(endpointRules(dreamnet, properties, environment),
                        ManagementPaths.of(environment, context));
            }
        }

        /**
         * The operator console in a servlet application ({@link EndpointConsoleFilter}), when the actuator shares the
         * application's port; on a port of its own, {@link DreamNetManagementContextConfiguration} registers it there.
         */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
        @ConditionalOnClass(FilterRegistrationBean.class)
        static class ServletConsole {

            @Bean
            @ConditionalOnBooleanProperty(name = "dreamnet.endpoints.console", matchIfMissing = true)
            @ConditionalOnMissingBean(name = "dreamNetEndpointConsole")
            @ConditionalOnAvailableEndpoint(DreamNetEndpoint.class)
            @ConditionalOnManagementPort(ManagementPortType.SAME)
            FilterRegistrationBean<EndpointConsoleFilter> dreamNetEndpointConsole(DreamNet dreamnet,
                                                                                 DreamNetProperties properties,
                                                                                 Environment environment) {
                return endpointConsole(endpointRules(dreamnet, properties, environment));
            }

            /** {@link EndpointConsoleFilter} after the application's security. */
            static FilterRegistrationBean<EndpointConsoleFilter> endpointConsole(EndpointRules rules) {
                FilterRegistrationBean<EndpointConsoleFilter> registration =
                        new FilterRegistrationBean<>(new EndpointConsoleFilter(rules));
                registration.setName("dreamNetEndpointConsole");
                registration.setOrder(EndpointConsoleFilter.ORDER);
                return registration;
            }
        }
    }

    private static final String SPRING_SECURITY = "org.springframework.security.core.Authentication";

    /** Where the actuator's web endpoints are: what the filters leave alone, or guard. */
    static String actuatorBasePath(Environment environment) {
        return environment.getProperty("management.endpoints.web.base-path", "/actuator");
    }

    /** The checks on the {@code dreamnet} endpoint's writes, at its path, with the tokens unless Spring Security guards. */
    static EndpointRules endpointRules(DreamNet dreamnet, DreamNetProperties properties, Environment environment) {
        String base = actuatorBasePath(environment);
        String endpoint = (base.endsWith("/") ? base : base + "/")
                + environment.getProperty("management.endpoints.web.path-mapping.dreamnet", "dreamnet");
        return new EndpointRules(endpoint, springSecurity(properties) ? null : dreamnet.access(),
                properties.endpoints().console());
    }

    /**
     * Whether the application's Spring Security guards the endpoint ({@code dreamnet.endpoints.auth}), rather than
     * DreamNet's tokens. Spring Security named but absent would leave the endpoint unguarded, so it fails the start.
     */
    static boolean springSecurity(DreamNetProperties properties) {
        String auth = properties.endpoints().auth();
        boolean present = ClassUtils.isPresent(SPRING_SECURITY, DreamNetAutoConfiguration.class.getClassLoader());
        return switch (auth) {
            case "tokens" -> false;
            case "spring-security" -> {
                if (!present) {
                    throw new DreamNetConfigurationException("dreamnet.endpoints.auth is spring-security, but Spring "
                            + "Security is not on the class path: add spring-boot-starter-security, or set it to "
                            + "tokens (DreamNet's tokens) or auto");
                }
                yield true;
            }
            case "auto" -> present;
            default -> throw new DreamNetConfigurationException("dreamnet.endpoints.auth must be tokens, spring-security "
                    + "or auto, was \"" + auth + "\"");
        };
    }

    /**
     * The servlet filter, overload protection on the routes Spring MVC matched, the error answers, and the address
     * the fleet registry shows.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({HandlerMapping.class, FilterRegistrationBean.class})
    static class Servlet {

        @Bean
        @ConditionalOnBooleanProperty(name = "dreamnet.web.enabled", matchIfMissing = true)
        @ConditionalOnMissingBean(name = "dreamNetFilter")
        FilterRegistrationBean<DreamNetFilter> dreamNetFilter(DreamNet dreamnet, DreamNetProperties properties,
                                                              Environment environment, ApplicationContext context) {
            DreamNetFilter filter = new DreamNetFilter(dreamnet.state(), dreamnet.inFlight(), dreamnet.flags(),
                    dreamnet.requestMetrics(), dreamnet.clock(),
                    ManagementPaths.of(environment, context), properties.web());
            FilterRegistrationBean<DreamNetFilter> registration = new FilterRegistrationBean<>(filter);
            registration.setName("dreamNetFilter");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
            return registration;
        }

        @Bean
        @ConditionalOnBooleanProperty(name = "dreamnet.web.enabled", matchIfMissing = true)
        @ConditionalOnMissingBean(name = "dreamNetOverload")
        WebMvcConfigurer dreamNetOverload(DreamNet dreamnet, Environment environment, ApplicationContext context) {
            OverloadInterceptor interceptor = new OverloadInterceptor(dreamnet.overload(), dreamnet.access(),
                    dreamnet.clock(), ManagementPaths.of(environment, context));
            return new WebMvcConfigurer() {
                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    registry.addInterceptor(interceptor);
                }
            };
        }

        @Bean
        @ConditionalOnMissingBean(name = "dreamNetEndpointGuard")
        FilterRegistrationBean<EndpointGuard> dreamNetEndpointGuard(DreamNet dreamnet, DreamNetProperties properties,
                                                                    Environment environment) {
            return endpointGuard(endpointRules(dreamnet, properties, environment));
        }

        /** {@link EndpointGuard} ahead of every other filter but the servlet container's own. */
        static FilterRegistrationBean<EndpointGuard> endpointGuard(EndpointRules rules) {
            FilterRegistrationBean<EndpointGuard> registration = new FilterRegistrationBean<>(new EndpointGuard(rules));
            registration.setName("dreamNetEndpointGuard");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 90);
            return registration;
        }

        @Bean
        @ConditionalOnMissingBean
        DreamNetRouting dreamNetRouting(DreamNet dreamnet) {
            return new DreamNetRouting(dreamnet.rollouts(), dreamnet.clock());
        }

    }

    /** Where the fleet registry says this instance answers: the port the web server (servlet or reactive) took. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(WebServerInitializedEvent.class)
    static class Address {

        @Bean
        ApplicationListener<WebServerInitializedEvent> dreamNetAddress(DreamNet dreamnet) {
            return event -> {
                String address = "http://" + dev.dreamnet.runtime.fleet.InstanceRegistry.hostName() + ":"
                        + event.getWebServer().getPort();
                dreamnet.address(() -> address);
            };
        }
    }

    /**
     * Spring WebFlux: the same traffic gate, write drain, route flags, in-flight count and request recording as the
     * servlet filter, as a {@code WebFilter}, overload protection, the endpoint's guard, the JSON answers to DreamNet's
     * refusals that reach a controller, and rollouts routed on requests.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(org.springframework.web.server.WebFilter.class)
    static class Reactive {

        @Bean
        @ConditionalOnBooleanProperty(name = "dreamnet.web.enabled", matchIfMissing = true)
        @ConditionalOnMissingBean(name = "dreamNetWebFilter")
        DreamNetWebFilter dreamNetWebFilter(DreamNet dreamnet, DreamNetProperties properties, Environment environment,
                                            ApplicationContext context) {
            return new DreamNetWebFilter(dreamnet.state(), dreamnet.inFlight(), dreamnet.flags(),
                    dreamnet.requestMetrics(), dreamnet.clock(),
                    ManagementPaths.of(environment, context), properties.web());
        }

        @Bean
        @ConditionalOnBooleanProperty(name = "dreamnet.web.enabled", matchIfMissing = true)
        @ConditionalOnMissingBean(name = "dreamNetOverloadWebFilter")
        DreamNetOverloadWebFilter dreamNetOverloadWebFilter(DreamNet dreamnet, Environment environment,
                                                            ApplicationContext context) {
            return new DreamNetOverloadWebFilter(dreamnet.overload(), dreamnet.access(), dreamnet.clock(),
                    ManagementPaths.of(environment, context));
        }

        @Bean
        @ConditionalOnMissingBean(name = "dreamNetEndpointWebFilter")
        DreamNetEndpointWebFilter dreamNetEndpointWebFilter(DreamNet dreamnet, DreamNetProperties properties,
                                                            Environment environment) {
            return new DreamNetEndpointWebFilter(endpointRules(dreamnet, properties, environment));
        }

        @Bean
        @ConditionalOnMissingBean
        DreamNetReactiveRouting dreamNetReactiveRouting(DreamNet dreamnet) {
            return new DreamNetReactiveRouting(dreamnet.rollouts(), dreamnet.clock());
        }
    }
}
