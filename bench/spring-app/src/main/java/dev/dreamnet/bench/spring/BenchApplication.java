package dev.dreamnet.bench.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A minimal Spring Boot service: one route with a path variable, so the filter records a route template. */
@SpringBootApplication
@RestController
public class BenchApplication {

    public static void main(String[] args) {
        SpringApplication.run(BenchApplication.class, args);
    }

    @GetMapping("/api/products/{id}")
    public String product(@PathVariable("id") String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Espresso cup\"}";
    }
}
