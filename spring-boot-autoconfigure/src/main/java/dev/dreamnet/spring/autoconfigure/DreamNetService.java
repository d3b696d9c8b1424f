package dev.dreamnet.spring.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Places a component bean (a {@link dev.dreamnet.core.startup.Component} or a
 * {@link dev.dreamnet.core.health.HealthCheck}) in the startup graph: what it depends on, whether it is critical and how
 * long it may take to start. Without it a bean is a critical service named after the bean, depending on nothing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DreamNetService {

    /** The service's name in the graph; the bean's name when empty. */
    String name() default "";

    /** The services (in the graph file or other beans) that must be ready before this one starts. */
    String[] dependsOn() default {};

    /** Whether startup fails, and the service stops taking traffic, when this service is not ready. */
    boolean critical() default true;

    /** How long one start attempt may take, such as {@code "30s"} or {@code "2m"}; the graph's default when empty. */
    String startTimeout() default "";

    /** How many times a failed start is tried again; the graph's default when negative. */
    int retries() default -1;
}
