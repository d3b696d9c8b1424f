package dev.dreamnet.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The judge's guarantees under the default configuration (steps 1/10/50/100%, bake 5 min, 300
 * requests a side, SLO 1% errors and p99 1 s, significance 0.01), each rollout judged every simulated
 * second through the real rollout API (see {@link CanaryTrial}). Every cell is seeded; a failing
 * assertion names the seeds. {@code -Dtrials.scale=N} multiplies the trials (the figures in
 * docs/ROLLOUTS.md were taken at the default).
 */
class CanaryJudgeSimulationTest {

    private static final RolloutConfig CONFIG = RolloutConfig.builder("simulated").build();
    private static final double SCALE = Double.parseDouble(System.getProperty("trials.scale", "1"));
    private static final int FALSE_POSITIVE_TRIALS = (int) (1_000 * SCALE);
    private static final int POWER_TRIALS = (int) (200 * SCALE);
    private static final long TWO_HOURS = 7_200;

    @Test
    void healthyCanariesAreRolledBackAtMostOnePercentOfTheTimeInEveryCell() {
        List<String> failures = new ArrayList<>();
        for (double errors : new double[] {0.001, 0.01, 0.05}) {
            for (int rps : new int[] {20, 100, 1_000}) {
                Cell cell = run("A/A", FALSE_POSITIVE_TRIALS, rps, errors, errors, 1, TWO_HOURS);
                report(cell);
                if (cell.rolledBack.size() > FALSE_POSITIVE_TRIALS / 100) {
                    failures.add(cell.name + ": " + cell.rolledBack);
                }
                if (cell.promoted < FALSE_POSITIVE_TRIALS * 0.99) {
                    failures.add(cell.name + ": only " + cell.promoted + " promoted within two hours");
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void fiveTimesTheErrorsAtTwentyRequestsASecondAreRolledBackWithinThirtyMinutes() {
        Cell cell = run("5x errors", POWER_TRIALS, 20, 0.01, 0.05, 1, TWO_HOURS);
        report(cell);
        assertThat(cell.missed).as("never rolled back").isEmpty();
        long late = cell.outcomes.stream().filter(o -> o.seconds() > 1_800).count();
        assertThat(late).as("rolled back after 30 minutes, of %d: %s", POWER_TRIALS, cell.late(1_800))
                .isLessThanOrEqualTo(POWER_TRIALS / 20);
    }

    @Test
    void doubleAndFiveTimesTheErrorsAreAlwaysRolledBack() {
        for (int rps : new int[] {100, 1_000}) {
            for (double factor : new double[] {2, 5}) {
                Cell cell = run(factor + "x errors", POWER_TRIALS, rps, 0.01, 0.01 * factor, 1, TWO_HOURS);
                report(cell);
                assertThat(cell.missed).as(cell.name + " not rolled back").isEmpty();
            }
        }
    }

    @Test
    void twentyPercentSlowerIsRolledBackBeforeTheFiftyPercentStep() {
        for (int rps : new int[] {100, 1_000}) {
            Cell cell = run("+20% latency", POWER_TRIALS, rps, 0.001, 0.001, 1.2, TWO_HOURS);
            report(cell);
            List<Long> late = new ArrayList<>();
            for (int i = 0; i < cell.outcomes.size(); i++) {
                CanaryTrial.Outcome o = cell.outcomes.get(i);
                if (o.status() != RolloutStatus.ROLLED_BACK || o.step() >= 2) {
                    late.add(cell.seedBase + i);
                }
            }
            assertThat(late).as(cell.name + ": seeds not rolled back before 50%").hasSizeLessThanOrEqualTo(POWER_TRIALS / 20);
            assertThat(cell.rules()).as(cell.name).contains(Verdict.RULE_LATENCY_DISTRIBUTION);
        }
    }

    private static Cell run(String what, int trials, int rps, double baselineErrors, double canaryErrors,
                            double latencyFactor, long maxSeconds) {
        String name = String.format(Locale.ROOT, "%s, %d rps, errors %.1f%% / %.1f%%", what, rps, baselineErrors * 100,
                canaryErrors * 100);
        long seedBase = Math.abs((long) name.hashCode()) * 1_000_000L;
        List<CanaryTrial.Outcome> outcomes = IntStream.range(0, trials).parallel()
                .mapToObj(i -> new CanaryTrial(seedBase + i, rps, baselineErrors, canaryErrors, latencyFactor)
                        .run(CONFIG, maxSeconds)).toList();
        return new Cell(name, seedBase, outcomes);
    }

    private static void report(Cell cell) {
        System.out.println(cell.summary());
    }

    /** The outcomes of one cell's trials, in seed order. */
    record Cell(String name, long seedBase, List<CanaryTrial.Outcome> outcomes, List<Long> rolledBack, List<Long> missed,
                int promoted) {

        Cell(String name, long seedBase, List<CanaryTrial.Outcome> outcomes) {
            this(name, seedBase, outcomes, seeds(seedBase, outcomes, RolloutStatus.ROLLED_BACK, true),
                    seeds(seedBase, outcomes, RolloutStatus.ROLLED_BACK, false),
                    (int) outcomes.stream().filter(o -> o.status() == RolloutStatus.PROMOTED).count());
        }

        private static List<Long> seeds(long base, List<CanaryTrial.Outcome> outcomes, RolloutStatus status, boolean is) {
            List<Long> seeds = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                if ((outcomes.get(i).status() == status) == is) {
                    seeds.add(base + i);
                }
            }
            return seeds;
        }

        List<Long> late(long seconds) {
            List<Long> seeds = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i).seconds() > seconds) {
                    seeds.add(seedBase + i);
                }
            }
            return seeds;
        }

        List<String> rules() {
            return outcomes.stream().map(CanaryTrial.Outcome::rule).distinct().toList();
        }

        String summary() {
            long[] rolledBackSeconds = outcomes.stream().filter(o -> o.status() == RolloutStatus.ROLLED_BACK)
                    .mapToLong(CanaryTrial.Outcome::seconds).sorted().toArray();
            long[] exposed = outcomes.stream().filter(o -> o.status() == RolloutStatus.ROLLED_BACK)
                    .mapToLong(CanaryTrial.Outcome::canaryRequests).sorted().toArray();
            long[] byStep = new long[4];
            outcomes.stream().filter(o -> o.status() == RolloutStatus.ROLLED_BACK).forEach(o -> byStep[o.step()]++);
            return String.format(Locale.ROOT, "| %s | %d | %d (%.2f%%) | %d | %s | %s | %s | %s |", name, outcomes.size(),
                    rolledBack.size(), 100.0 * rolledBack.size() / outcomes.size(), promoted,
                    java.util.Arrays.toString(byStep), quantiles(rolledBackSeconds), quantiles(exposed),
                    outcomes.stream().filter(o -> o.status() == RolloutStatus.ROLLED_BACK)
                            .collect(java.util.stream.Collectors.groupingBy(CanaryTrial.Outcome::rule,
                                    java.util.TreeMap::new, java.util.stream.Collectors.counting())));
        }

        private static String quantiles(long[] sorted) {
            if (sorted.length == 0) {
                return "-";
            }
            return sorted[sorted.length / 2] + " / " + sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]
                    + " / " + sorted[sorted.length - 1];
        }
    }
}
