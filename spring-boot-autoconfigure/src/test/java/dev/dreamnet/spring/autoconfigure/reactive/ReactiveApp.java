package dev.dreamnet.spring.autoconfigure.reactive;

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
import reactor.core.publisher.Mono;

/** A Spring WebFlux application with the starter: reads, a write, a route bound to a flag, and a held route. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(ReactiveApp.Routes.class)
public class ReactiveApp {

    @RestController
    public static class Routes {
        private volatile CompletableFuture<String> held = new CompletableFuture<>();

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

        @GetMapping("/api/held")
        Mono<String> held() {
            return Mono.fromFuture(held);
        }
    }
}
