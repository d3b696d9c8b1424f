package dev.dreamnet.spring.autoconfigure.app;

import dev.dreamnet.core.health.CheckResult;
import dev.dreamnet.core.rollout.Variant;
import dev.dreamnet.core.health.HealthCheck;
import dev.dreamnet.core.startup.Component;
import dev.dreamnet.runtime.resilience.Downstreams;
import dev.dreamnet.spring.autoconfigure.DreamNetCall;
import dev.dreamnet.spring.autoconfigure.DreamNetRouting;
import dev.dreamnet.spring.autoconfigure.DreamNetService;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An ordinary Spring Boot application with no DreamNet code beyond its components: a warehouse and a catalog that
 * depends on it, a payments gate the test opens, a provider check the test can hang, a provider client guarded by
 * {@link DreamNetCall}, and a few routes.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(TestApp.Routes.class)
public class TestApp {

    /** What happened, in order, across components and routes. */
    public static final class Events {
        public final List<String> all = new CopyOnWriteArrayList<>();
    }

    @Bean
    Events events() {
        return new Events();
    }

    @Bean
    Warehouse warehouse(Events events, @Value("${test.warehouse.fail:false}") boolean fail) {
        return new Warehouse(events, fail);
    }

    @Bean
    Catalog catalog(Events events) {
        return new Catalog(events);
    }

    @Bean
    PaymentsCheck payments() {
        return new PaymentsCheck();
    }

    @Bean
    ProviderCheck providerCheck() {
        return new ProviderCheck();
    }

    @Bean
    ProviderClient providerClient() {
        return new ProviderClient();
    }

    @DreamNetService(retries = 0)
    public static final class Warehouse implements Component {
        private final Events events;
        private final boolean fail;

        Warehouse(Events events, boolean fail) {
            this.events = events;
            this.fail = fail;
        }

        @Override
        public void start() throws IOException {
            if (fail) {
                throw new IOException("warehouse database refused the connection");
            }
            events.all.add("warehouse started");
        }

        @Override
        public void stop() {
            events.all.add("warehouse stopped");
        }
    }

    @DreamNetService(dependsOn = "warehouse", retries = 0)
    public static final class Catalog implements Component {
        private final Events events;

        Catalog(Events events) {
            this.events = events;
        }

        @Override
        public void start() {
            events.all.add("catalog started");
        }

        @Override
        public void stop() {
            events.all.add("catalog stopped");
        }
    }

    /** A critical gate that fails until the test opens it. */
    public static final class PaymentsCheck implements HealthCheck {
        private volatile boolean open = Boolean.getBoolean("test.payments.open");

        public void open() {
            open = true;
        }

        @Override
        public CheckResult check() {
            return open ? CheckResult.pass("payments answer") : CheckResult.fail("payments not reachable yet");
        }
    }

    /** A non-critical dependency whose check the test can make hang (for at most 30 s). */
    @DreamNetService(name = "provider-check", critical = false)
    public static final class ProviderCheck implements HealthCheck {
        private volatile CountDownLatch hang = new CountDownLatch(0);

        public void hang() {
            hang = new CountDownLatch(1);
        }

        public void release() {
            hang.countDown();
        }

        @Override
        public CheckResult check() throws InterruptedException {
            hang.await(30, TimeUnit.SECONDS);
            return CheckResult.pass("provider answers");
        }
    }

    /** The application's client of a downstream that fails while the test says so. */
    public static class ProviderClient {
        private final AtomicInteger calls = new AtomicInteger();
        private volatile boolean failing;

        public int calls() {
            return calls.get();
        }

        public void failing(boolean failing) {
            this.failing = failing;
        }

        @DreamNetCall("provider")
        public String quote() throws IOException {
            calls.incrementAndGet();
            if (failing) {
                throw new IOException("provider refused the connection");
            }
            return "42";
        }
    }

    @RestController
    public static class Routes {
        private final ProviderClient provider;
        private final Downstreams downstreams;
        private final Events events;
        public final CountDownLatch slowEntered = new CountDownLatch(1);
        public final CountDownLatch slowRelease = new CountDownLatch(1);

        /** Absent where the application is not a servlet web application (the lifecycle tests). */
        private final ObjectProvider<DreamNetRouting> routing;
        /** Whether the checkout's canary side answers 500. */
        public volatile boolean canaryFails;

        Routes(ProviderClient provider, Downstreams downstreams, Events events, ObjectProvider<DreamNetRouting> routing) {
            this.provider = provider;
            this.downstreams = downstreams;
            this.events = events;
            this.routing = routing;
        }

        /** Served by the side of rollout {@code checkout-v2} that the request's subject is on. */
        @GetMapping("/api/checkout/{id}")
        ResponseEntity<String> checkout(HttpServletRequest request, @PathVariable String id) {
            Variant side = routing.getObject().assign(request, "checkout-v2");
            if (side == Variant.CANARY && canaryFails) {
                return ResponseEntity.status(500).body("{\"error\":\"v2 failed\"}");
            }
            return ResponseEntity.ok("{\"order\":\"" + id + "\",\"served\":\"" + side + "\"}");
        }

        @GetMapping("/api/products")
        String products() {
            return "[\"lamp\"]";
        }

        @GetMapping("/api/recommendations")
        String recommendations() {
            return "[\"shade\"]";
        }

        @PostMapping("/api/orders")
        String order() {
            return "{\"ordered\":true}";
        }

        @GetMapping("/api/quote")
        String quote() throws IOException {
            return provider.quote();
        }

        @GetMapping("/api/stock")
        String stock() throws Exception {
            return downstreams.call("warehouse", () -> "7");
        }

        @GetMapping("/api/slow")
        String slow() throws InterruptedException {
            slowEntered.countDown();
            slowRelease.await(10, TimeUnit.SECONDS);
            events.all.add("slow request finished");
            return "done";
        }
    }
}
