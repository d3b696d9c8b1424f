package dev.dreamnet.core.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The streak rule as a property over result sequences: the gate turns ready exactly when the last
 * {@code passesToReady} results are passes and unready exactly when the last {@code failuresToUnready}
 * are failures. Checked over every sequence up to 12 results and over long seeded random ones.
 */
class GateStateStreakPropertyTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final CheckResult PASS = CheckResult.pass("ok");
    private static final CheckResult FAIL = CheckResult.fail("down");

    @Test
    void flipsOnlyAfterTheConfiguredNumberOfConsecutiveContraryResultsForEverySequenceUpToTwelve() {
        for (int length = 0; length <= 12; length++) {
            for (int bits = 0; bits < 1 << length; bits++) {
                List<Boolean> results = new ArrayList<>(length);
                for (int i = 0; i < length; i++) {
                    results.add((bits >> i & 1) == 1);
                }
                forEveryThreshold(results, 4);
            }
        }
    }

    @Test
    void flipsOnlyAfterTheConfiguredNumberOfConsecutiveContraryResultsForLongRandomSequences() {
        Random random = new Random(20260101);
        for (int sample = 0; sample < 500; sample++) {
            List<Boolean> results = new ArrayList<>();
            double passRate = random.nextDouble();
            for (int i = 0; i < 200; i++) {
                results.add(random.nextDouble() < passRate);
            }
            forEveryThreshold(results, 6);
        }
    }

    private static void forEveryThreshold(List<Boolean> results, int maxThreshold) {
        for (int passesToReady = 1; passesToReady <= maxThreshold; passesToReady++) {
            for (int failuresToUnready = 1; failuresToUnready <= maxThreshold; failuresToUnready++) {
                assertStreakRule(results, passesToReady, failuresToUnready);
            }
        }
    }

    private static void assertStreakRule(List<Boolean> results, int passesToReady, int failuresToUnready) {
        GateState state = GateState.INITIAL;
        int trailingRun = 0;
        for (int i = 0; i < results.size(); i++) {
            boolean pass = results.get(i);
            trailingRun = i > 0 && results.get(i - 1) == pass ? trailingRun + 1 : 1;
            boolean wasReady = state.ready();
            state = state.record(pass ? PASS : FAIL, Duration.ZERO, AT, passesToReady, failuresToUnready);
            boolean passStreak = pass && trailingRun >= passesToReady;
            boolean failureStreak = !pass && trailingRun >= failuresToUnready;

            if (state.ready() != wasReady && !(state.ready() ? passStreak : failureStreak)) {
                fail("flipped without a streak", results, i, passesToReady, failuresToUnready);
            }
            if (passStreak && !state.ready() || failureStreak && state.ready()) {
                fail("did not flip after a streak", results, i, passesToReady, failuresToUnready);
            }
        }
    }

    private static void fail(String what, List<Boolean> results, int at, int passesToReady, int failuresToUnready) {
        Assertions.fail(what + " at result " + at + " of " + results
                + " (passesToReady " + passesToReady + ", failuresToUnready " + failuresToUnready + ")");
    }
}
