package dev.dreamnet.spring.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Routes every call of the annotated method (or of every public method of the annotated class) through
 * {@code Downstreams.call(value, ...)}: the downstream's circuit breaker, retries and timeout from
 * {@code resilience.yaml}. When the breaker is open the method is not called and
 * {@link dev.dreamnet.core.breaker.CallNotPermittedException} is thrown. Only calls through the Spring proxy are
 * guarded, not a bean's calls to itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface DreamNetCall {

    /** The downstream, as named in {@code resilience.yaml}. */
    String value();
}
