package dev.dreamnet.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    private final FakeClock clock = new FakeClock();

    @Test
    void allowsOnlyWaitsThatEndBeforeIt() {
        Deadline deadline = Deadline.after(Duration.ofMillis(500), clock);
        clock.advance(Duration.ofMillis(200));

        assertThat(deadline.remaining()).isEqualTo(Duration.ofMillis(300));
        assertThat(deadline.allows(Duration.ofMillis(299))).isTrue();
        assertThat(deadline.allows(Duration.ofMillis(300))).isFalse();
        assertThat(deadline.isExpired()).isFalse();
    }

    @Test
    void expiresAndHasNothingLeft() {
        Deadline deadline = Deadline.after(Duration.ofMillis(500), clock);
        clock.advance(Duration.ofSeconds(1));

        assertThat(deadline.isExpired()).isTrue();
        assertThat(deadline.remaining()).isZero();
        assertThat(deadline.allows(Duration.ZERO)).isFalse();
    }

    @Test
    void noDeadlineAllowsAnyWait() {
        assertThat(Deadline.none().allows(Duration.ofDays(365))).isTrue();
        assertThat(Deadline.none().isExpired()).isFalse();
    }
}
