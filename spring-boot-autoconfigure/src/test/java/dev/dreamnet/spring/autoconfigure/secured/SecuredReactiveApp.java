package dev.dreamnet.spring.autoconfigure.secured;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * {@link SecuredApp} as a Spring WebFlux application: the same users and rules, written for Spring Security's reactive
 * filter chain.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class SecuredReactiveApp {

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http) {
        return http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**").permitAll()
                        .pathMatchers("/actuator/dreamnet/modes/**").hasRole("OPS")
                        .pathMatchers("/actuator/dreamnet/overrides/**").permitAll()
                        .pathMatchers("/actuator/dreamnet/**").hasAnyRole("OPS", "DEV")
                        .anyExchange().permitAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .build();
    }

    @Bean
    MapReactiveUserDetailsService users() {
        return new MapReactiveUserDetailsService(
                User.withUsername("ops").password("{noop}ops-pass").roles("OPS").build(),
                User.withUsername("dev").password("{noop}dev-pass").roles("DEV").build());
    }
}
