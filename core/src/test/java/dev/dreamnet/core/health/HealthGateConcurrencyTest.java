package dev.dreamnet.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.time.SystemScheduler;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HealthGateConcurrencyTest {

    @Test
    void checksNeverOverlapOnRealThreads() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        CountDownLatch twentyChecks = new CountDownLatch(20);
        GateConfig config = GateConfig.builder("db").startupInterval(Duration.ofMillis(1))
                .interval(Duration.ofMillis(2)).timeout(Duration.ofMillis(1)).build();
        HealthCheck check = () -> {
            if (running.incrementAndGet() > 1) {
                firstFailure.compareAndSet(null, "two checks ran at once");
            }
            running.decrementAndGet();
            twentyChecks.countDown();
            return CheckResult.pass("ok");
        };
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try (SystemScheduler scheduler = new SystemScheduler("gate-test", 2)) {
            HealthGate gate = HealthGate.builder(config, check).scheduler(scheduler).executor(executor).build();
            gate.start();

            assertThat(twentyChecks.await(10, TimeUnit.SECONDS)).as("20 checks within 10 s").isTrue();
            gate.stop();
        } finally {
            executor.shutdownNow();
        }
        assertThat(firstFailure.get()).isNull();
    }
}
