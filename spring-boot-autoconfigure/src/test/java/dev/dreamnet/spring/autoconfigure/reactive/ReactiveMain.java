package dev.dreamnet.spring.autoconfigure.reactive;

import org.springframework.boot.SpringApplication;

/** Runs {@link ReactiveApp} on its own, in a JVM of its own: {@code WebFluxWithoutServletApiTest} starts it. */
public final class ReactiveMain {

    private ReactiveMain() {
    }

    public static void main(String[] args) {
        SpringApplication.run(ReactiveApp.class, args);
    }
}
