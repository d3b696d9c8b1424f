package dev.dreamnet.spring.autoconfigure.secured;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application secured by Spring Security as its own team would: HTTP basic, an {@code ops} user who may change
 * DreamNet through the actuator, a {@code dev} user who may only read it, and a deliberately careless chain that
 * permits {@code /actuator/dreamnet/careless/**} to anyone.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(SecuredApp.Routes.class)
public class SecuredApp {

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/dreamnet/modes/**").hasRole("OPS")
                        .requestMatchers("/actuator/dreamnet/overrides/**").permitAll()
                        .requestMatchers("/actuator/dreamnet/**").hasAnyRole("OPS", "DEV")
                        .anyRequest().permitAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/actuator/**"));
        return http.build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("ops").password("{noop}ops-pass").roles("OPS").build(),
                User.withUsername("dev").password("{noop}dev-pass").roles("DEV").build());
    }

    @RestController
    public static class Routes {
        @GetMapping("/api/products")
        String products() {
            return "[\"lamp\"]";
        }
    }
}
