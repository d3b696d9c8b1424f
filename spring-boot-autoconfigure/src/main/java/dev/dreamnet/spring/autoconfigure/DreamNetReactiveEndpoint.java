package dev.dreamnet.spring.autoconfigure;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The {@code dreamnet} endpoint under Spring WebFlux, where actuator hands a blocking operation neither the request nor
 * its headers: each operation here takes the headers {@link DreamNetEndpointWebFilter} put in the Reactor context and
 * runs {@link DreamNetEndpoint}'s on a bounded-elastic thread with them ({@link Operator#withHeaders}), so DreamNet's
 * tokens guard reads and writes and {@code X-Dreamnet-Actor} names the actor, as under Spring MVC. Without that filter
 * a request has no headers here, and a guarded operation refuses it. Thread-safe.
 */
@EndpointWebExtension(endpoint = DreamNetEndpoint.class)
public class DreamNetReactiveEndpoint {

    /** The Reactor context's key for the request's {@link HttpHeaders}. */
    static final String HEADERS = DreamNetReactiveEndpoint.class.getName() + ".headers";

    private final DreamNetEndpoint endpoint;

    DreamNetReactiveEndpoint(DreamNetEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @ReadOperation
    public Mono<WebEndpointResponse<Object>> summary() {
        return call(endpoint::summary);
    }

    @ReadOperation
    public Mono<WebEndpointResponse<Object>> part(@Selector String part, @Nullable String limit) {
        return call(() -> endpoint.part(part, limit));
    }

    @WriteOperation
    public Mono<WebEndpointResponse<Object>> start(SecurityContext security, @Selector String part,
                                                   @Nullable String name, @Nullable String steps,
                                                   @Nullable String bakeTime, @Nullable String window,
                                                   @Nullable String maxErrorRate, @Nullable String maxP99,
                                                   @Nullable String minRequests, @Nullable String autoPromote,
                                                   @Nullable String autoRollback, @Nullable String significance,
                                                   @Nullable String latencyTolerance, @Nullable String latencyEffect,
                                                   @Nullable String reason) {
        return call(() -> endpoint.start(security, part, name, steps, bakeTime, window, maxErrorRate, maxP99,
                minRequests, autoPromote, autoRollback, significance, latencyTolerance, latencyEffect, reason));
    }

    @WriteOperation
    public Mono<WebEndpointResponse<Object>> change(SecurityContext security, @Selector String part,
                                                    @Selector String name, @Nullable String action,
                                                    @Nullable String enabled, @Nullable String reason) {
        return call(() -> endpoint.change(security, part, name, action, enabled, reason));
    }

    @DeleteOperation
    public Mono<WebEndpointResponse<Object>> clear(SecurityContext security, @Selector String part,
                                                   @Selector String name, @Nullable String reason) {
        return call(() -> endpoint.clear(security, part, name, reason));
    }

    /** {@code operation} with the request's headers, off the event loop: it may write to the database. */
    private static Mono<WebEndpointResponse<Object>> call(Supplier<WebEndpointResponse<Object>> operation) {
        return Mono.deferContextual(context -> {
            HttpHeaders headers = context.getOrDefault(HEADERS, HttpHeaders.EMPTY);
            return Mono.fromSupplier(() -> Operator.withHeaders(headers, operation));
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
