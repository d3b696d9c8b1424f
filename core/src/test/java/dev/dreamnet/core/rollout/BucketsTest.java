package dev.dreamnet.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Assignment is pinned (version 1), sticky, monotonic and uniform. */
class BucketsTest {

    private static final long SEED = 20_260_101L;
    /** Chi-square critical value, 99 degrees of freedom, 99.9%. */
    private static final double CHI_SQUARE_99_AT_999 = 148.23;

    @Test
    void version1IsPinned() {
        assertThat(Buckets.VERSION).isEqualTo(1);
        assertThat(Buckets.seed("checkout")).isEqualTo(0x3565D2B26259A99DL);
        assertThat(Buckets.bucket("checkout", "user-42")).isEqualTo(2025);
        assertThat(Buckets.bucket("checkout", "7d444840-9dc0-11d1-b245-5ffdce74fad2")).isEqualTo(1941);
        assertThat(Buckets.bucket("checkout", "")).isEqualTo(492);
        assertThat(Buckets.bucket("search-v2", "Zoë")).isEqualTo(3965);
    }

    @Test
    void theSameSubjectAlwaysGetsTheSameBucket() {
        Random random = new Random(SEED);
        for (int i = 0; i < 10_000; i++) {
            String subject = new UUID(random.nextLong(), random.nextLong()).toString();
            int first = Buckets.bucket("checkout", subject);
            assertThat(Buckets.bucket("checkout", new String(subject))).as("seed %d, subject %s", SEED, subject)
                    .isEqualTo(first).isBetween(0, Buckets.COUNT - 1);
        }
    }

    @Test
    void aSubjectInsideAtOneStepIsInsideAtEveryLargerStep() {
        Random random = new Random(SEED);
        double[] percents = {0.01, 0.5, 1, 5, 10, 25, 50, 99.99, 100};
        for (int i = 0; i < 20_000; i++) {
            int bucket = Buckets.bucket("rollout-" + random.nextInt(5), "user-" + random.nextLong());
            boolean inside = false;
            for (double percent : percents) {
                boolean now = Buckets.isCanary(bucket, percent);
                assertThat(!inside || now).as("seed %d, bucket %d left the canary at %s%%", SEED, bucket, percent).isTrue();
                inside = now;
            }
            assertThat(inside).as("everyone is in at 100%").isTrue();
            assertThat(Buckets.isCanary(bucket, 0)).as("no one is in at 0%").isFalse();
        }
    }

    @Test
    void sequentialIdsSpreadUniformlyOverAHundredGroups() {
        long[] groups = new long[100];
        for (int i = 0; i < 1_000_000; i++) {
            groups[Buckets.bucket("checkout", "user-" + i) / 100]++;
        }
        assertThat(chiSquare(groups, 10_000)).isLessThan(CHI_SQUARE_99_AT_999);
    }

    @Test
    void randomUuidsSpreadUniformlyOverAllBuckets() {
        Random random = new Random(SEED);
        long[] buckets = new long[Buckets.COUNT];
        for (int i = 0; i < 1_000_000; i++) {
            buckets[Buckets.bucket("search-v2", new UUID(random.nextLong(), random.nextLong()).toString())]++;
        }
        assertThat(chiSquare(buckets, 100)).as("seed %d", SEED).isLessThan(criticalValue(Buckets.COUNT - 1));
    }

    @Test
    void differentRolloutsShuffleSubjectsIndependently() {
        int same = 0;
        for (int i = 0; i < 100_000; i++) {
            String subject = "user-" + i;
            if (Buckets.isCanary(Buckets.bucket("a", subject), 10) && Buckets.isCanary(Buckets.bucket("b", subject), 10)) {
                same++;
            }
        }
        assertThat(same).as("about 1% of subjects are in both 10%% canaries").isBetween(800, 1_200);
    }

    private static double chiSquare(long[] observed, double expected) {
        double sum = 0;
        for (long count : observed) {
            sum += (count - expected) * (count - expected) / expected;
        }
        return sum;
    }

    /** The 99.9% chi-square critical value by the Wilson-Hilferty approximation (z = 3.0902). */
    private static double criticalValue(int degrees) {
        double k = degrees;
        double term = 1 - 2 / (9 * k) + 3.0902 * Math.sqrt(2 / (9 * k));
        return k * term * term * term;
    }
}
