package dev.dreamnet.bench.spring;

import java.util.Comparator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A minimal Spring Boot service: one route with a path variable, so the filter records a route template. With
 * {@code -Dbench.steps=N} it prints, once ready, the N slowest steps of its start (bean instantiations included) from
 * Spring's startup timeline: where a start spends its time.
 */
@SpringBootApplication
@RestController
public class BenchApplication {

    public static void main(String[] args) throws Exception {
        SpringApplication application = new SpringApplication(BenchApplication.class);
        int steps = Integer.getInteger("bench.steps", 0);
        if (steps > 0) {
            BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
            application.setApplicationStartup(startup);
            application.addListeners((ApplicationReadyEvent ready) -> print(startup.getBufferedTimeline(), steps));
        }
        if (Boolean.getBoolean("bench.embedded")) {
            startRuntime();
        }
        application.run(args);
    }

    /**
     * Builds and starts DreamNet's runtime as a plain Java application would ({@code DreamNet.builder().build().start()},
     * then waits for its startup graph), before Spring starts: what the runtime itself costs a start, without the
     * starter's Spring part. Reflective, as only the embedded-* jars have the runtime.
     */
    private static void startRuntime() throws Exception {
        // The starter's default, which spares actuator a Jackson 2 mapper of its own for the runtime's Jackson 2.
        System.setProperty("management.endpoints.jackson2.isolated-object-mapper", "false");
        Class<?> dreamnet = Class.forName("dev.dreamnet.runtime.DreamNet");
        Object builder = dreamnet.getMethod("builder").invoke(null);
        Object runtime = builder.getClass().getMethod("build").invoke(builder);
        dreamnet.getMethod("start").invoke(runtime);
        ((java.util.concurrent.CompletableFuture<?>) dreamnet.getMethod("started").invoke(runtime)).get();
    }

    private static void print(StartupTimeline timeline, int steps) {
        timeline.getEvents().stream()
                .sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
                .limit(steps)
                .forEach(event -> System.out.printf("step %5d ms %s %s%n", event.getDuration().toMillis(),
                        event.getStartupStep().getName(), tags(event)));
    }

    private static String tags(StartupTimeline.TimelineEvent event) {
        StringBuilder tags = new StringBuilder();
        event.getStartupStep().getTags().forEach(tag -> tags.append(tag.getKey()).append('=').append(tag.getValue())
                .append(' '));
        return tags.toString().trim();
    }

    @GetMapping("/api/products/{id}")
    public String product(@PathVariable("id") String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Espresso cup\"}";
    }
}
