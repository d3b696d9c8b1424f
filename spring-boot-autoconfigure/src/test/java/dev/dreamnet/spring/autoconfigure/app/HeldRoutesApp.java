package dev.dreamnet.spring.autoconfigure.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application whose routes hold each request until the test releases them, so the test knows exactly what is in
 * flight: one route per criticality of its {@code overload.yaml}, and an operator route.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(HeldRoutesApp.Routes.class)
public class HeldRoutesApp {

    @RestController
    public static class Routes {
        private volatile CountDownLatch release = new CountDownLatch(1);

        /** Requests from now on wait until {@link #release}. */
        public void hold() {
            release = new CountDownLatch(1);
        }

        public void release() {
            release.countDown();
        }

        @GetMapping({"/api/critical", "/api/default", "/api/sheddable/{id}"})
        String held() throws InterruptedException {
            release.await(20, TimeUnit.SECONDS);
            return "done";
        }

        @GetMapping("/api/admin/held")
        String operators() {
            return "operators get in";
        }
    }
}
