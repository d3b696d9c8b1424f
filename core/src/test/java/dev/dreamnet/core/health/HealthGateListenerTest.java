package dev.dreamnet.core.health;

import static dev.dreamnet.core.health.Gates.INTERVAL;
import static dev.dreamnet.core.health.Gates.STARTUP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.time.ManualScheduler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthGateListenerTest {

    private final ManualScheduler time = new ManualScheduler();
    private final SwitchableCheck check = new SwitchableCheck();
    private final RecordingListener recording = new RecordingListener();
    private final Logger julLogger = Logger.getLogger(HealthGate.class.getName());
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        julLogger.addHandler(capture);
        julLogger.setUseParentHandlers(false);
    }

    @AfterEach
    void releaseLog() {
        julLogger.removeHandler(capture);
        julLogger.setUseParentHandlers(true);
    }

    @Test
    void listenerHearsEachTransitionOnceWithItsCause() {
        HealthGate gate = Gates.onManualTime(Gates.exact("db").build(), check, time).listener(recording).build();
        gate.start();
        time.advance(STARTUP.multipliedBy(2));
        time.advance(INTERVAL.multipliedBy(2));
        check.failing("connection refused");

        time.advance(INTERVAL.multipliedBy(5));

        assertThat(recording.readiness()).containsExactly(true, false);
        GateTransition down = recording.transitions().get(1);
        assertThat(down.gate()).isEqualTo("db");
        assertThat(down.critical()).isTrue();
        assertThat(down.cause()).isEqualTo(CheckResult.fail("connection refused"));
        assertThat(down.at()).isEqualTo(gate.snapshot().lastTransitionAt());
    }

    @Test
    void throwingListenerDoesNotBreakTheGate() {
        HealthGate gate = Gates.onManualTime(Gates.exact("db").build(), check, time)
                .listener(transition -> {
                    throw new IllegalStateException("listener bug");
                })
                .listener(recording)
                .build();
        gate.start();

        time.advance(STARTUP.multipliedBy(2));

        assertThat(gate.isReady()).isTrue();
        assertThat(recording.readiness()).as("later listeners still hear it").containsExactly(true);
        assertThat(time.pendingDelays()).as("still scheduled").containsExactly(INTERVAL);
        assertThat(logged).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(record.getMessage()).contains("health gate \"db\"", "READY");
            assertThat(record.getThrown()).hasMessage("listener bug");
        });
    }

    @Test
    void removedListenerHearsNothingMore() {
        HealthGate gate = Gates.onManualTime(Gates.exact("db").build(), check, time).build();
        gate.addListener(recording);
        gate.removeListener(recording);
        gate.start();

        time.advance(STARTUP.multipliedBy(2));

        assertThat(recording.transitions()).isEmpty();
    }
}
