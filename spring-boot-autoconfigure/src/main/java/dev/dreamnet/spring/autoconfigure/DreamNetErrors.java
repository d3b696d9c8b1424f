package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.core.breaker.CallNotPermittedException;
import dev.dreamnet.core.retry.RetriesExhaustedException;
import dev.dreamnet.core.time.Clock;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers DreamNet's refusals that reach a controller uncaught, in Spring MVC and Spring WebFlux alike: an open breaker
 * is 503 with {@code Retry-After} (the seconds until the breaker tries again), retries given up are 503 too. A handler
 * of the application's own for these exceptions, in its controller or an advice of higher precedence, wins. Stateless.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class DreamNetErrors {

    private final Clock clock;

    public DreamNetErrors() {
        this(Clock.system());
    }

    /** @param clock what the seconds until a breaker tries again are counted from */
    public DreamNetErrors(Clock clock) {
        this.clock = clock;
    }

    @ExceptionHandler(CallNotPermittedException.class)
    public ResponseEntity<Map<String, String>> breakerOpen(CallNotPermittedException e) {
        return ResponseEntity.status(503).header("Retry-After", Long.toString(e.retryAfterSeconds(clock.wallMillis())))
                .body(Map.of("error", "downstream unavailable", "detail", String.valueOf(e.getMessage())));
    }

    @ExceptionHandler(RetriesExhaustedException.class)
    public ResponseEntity<Map<String, String>> retriesExhausted(RetriesExhaustedException e) {
        return ResponseEntity.status(503).header("Retry-After", "1")
                .body(Map.of("error", "downstream failed", "detail", String.valueOf(e.getMessage())));
    }
}
