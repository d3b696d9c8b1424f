package dev.dreamnet.spring.autoconfigure.reactive;

import dev.dreamnet.core.rollout.Variant;
import dev.dreamnet.runtime.resilience.Downstreams;
import dev.dreamnet.spring.autoconfigure.DreamNetReactiveRouting;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A Spring WebFlux application with the starter: reads, a write, a route bound to a flag, a held route, and a route
 * served by either side of a rollout.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(ReactiveApp.Routes.class)
public class ReactiveApp {

    @RestController
    public static class Routes {
        private final DreamNetReactiveRouting routing;
        private final Downstreams downstreams;
        private volatile CompletableFuture<String> held = new CompletableFuture<>();
        /** Whether the canary side of the checkout answers 500. */
        public volatile boolean canaryFails;

        Routes(DreamNetReactiveRouting routing, Downstreams downstreams) {
            this.routing = routing;
            this.downstreams = downstreams;
        }

        /** Requests to {@code /api/held} from now on wait until {@link #release}. */
        public void hold() {
            held = new CompletableFuture<>();
        }

        public void release() {
            held.complete("released");
        }

        @GetMapping("/api/products/{id}")
        Mono<String> product(@PathVariable String id) {
            return Mono.just("lamp " + id);
        }

        @GetMapping("/api/recommendations")
        Mono<String> recommendations() {
            return Mono.just("[\"tea\"]");
        }

        @PostMapping("/api/orders")
        @ResponseStatus(HttpStatus.CREATED)
        Mono<String> order() {
            return Mono.just("{}");
        }

        /** Served by the baseline or the canary of rollout {@code checkout-v2}, as DreamNet assigns the request. */
        @GetMapping("/api/checkout/{id}")
        Mono<String> checkout(@PathVariable String id, ServerWebExchange exchange) {
            Variant side = routing.assign(exchange, "checkout-v2");
            if (side == Variant.CANARY && canaryFails) {
                return Mono.error(new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR, "canary broke"));
            }
            return Mono.just("{\"order\":\"" + id + "\",\"served\":\"" + side + "\"}");
        }

        /** A price from the downstream {@code provider}, through its breaker. */
        @GetMapping("/api/quote")
        Mono<String> quote() {
            return Mono.fromCallable(() -> downstreams.call("provider", () -> "12.50"));
        }

        @GetMapping("/api/held")
        Mono<String> held() {
            return Mono.fromFuture(held);
        }

        /** Held as {@code /api/held} is; {@code overload.yaml} may class it critical. */
        @GetMapping("/api/critical")
        Mono<String> critical() {
            return Mono.fromFuture(held);
        }

        /** Held as {@code /api/held} is; {@code overload.yaml} may class it sheddable. */
        @GetMapping("/api/sheddable/{id}")
        Mono<String> sheddable(@PathVariable String id) {
            return Mono.fromFuture(held);
        }
    }
}
