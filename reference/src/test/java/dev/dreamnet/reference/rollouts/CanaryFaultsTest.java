package dev.dreamnet.reference.rollouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.core.time.FakeClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The canary's injected faults wait on the injected sleeper and fail by the injected random draw. */
class CanaryFaultsTest {

    private final FakeClock clock = new FakeClock();
    private final AtomicReference<Double> draw = new AtomicReference<>(0.0);
    private final CanaryFaults faults = new CanaryFaults(clock::advance, draw::get);

    /** Regression: the delay was a Thread.sleep, so a test could only rehearse it by waiting for real. */
    @Test
    void theDelayWaitsOnTheInjectedSleeperNotTheThread() throws Exception {
        faults.set(new CanaryFaults.Settings(0, 1_500));
        long before = clock.nanoTime();

        faults.apply();

        assertThat(Duration.ofNanos(clock.nanoTime() - before)).isEqualTo(Duration.ofMillis(1_500));
    }

    @Test
    void aDrawBelowTheErrorRateFailsTheRequestAndOneAboveItPasses() throws Exception {
        faults.set(new CanaryFaults.Settings(0.5, 0));

        draw.set(0.49);
        assertThatThrownBy(faults::apply).isInstanceOf(InjectedFaultException.class)
                .hasMessageContaining("the canary failed on purpose");
        draw.set(0.5);
        faults.apply();
    }

    @Test
    void settingsOutOfRangeAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new CanaryFaults.Settings(1.5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("errorRate must be between 0 and 1, was 1.5");
        assertThatThrownBy(() -> new CanaryFaults.Settings(0, 60_001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("delayMs must be between 0 and 60000, was 60001");
    }
}
