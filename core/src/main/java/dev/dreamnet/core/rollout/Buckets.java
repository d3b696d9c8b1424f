package dev.dreamnet.core.rollout;

import dev.dreamnet.core.rollout.internal.XxHash64;

/**
 * Sticky, monotonic assignment of subjects to a rollout's canary: a pure function of (rollout name,
 * subject) into {@value #COUNT} buckets, and a bucket is in the canary while it is below the step's
 * percentage times 100. The same subject always lands in the same bucket, so a subject inside at 10%
 * is still inside at 50%. Hash version {@value #VERSION}: XXH64 of the subject's UTF-8 bytes, seeded
 * with XXH64 (seed 0) of the rollout name's UTF-8 bytes; the high 32 bits of that, times 10,000,
 * shifted right by 32, is the bucket. Changing any of this reshuffles every subject, so it needs a
 * new version. Stateless and thread-safe; allocation-free for ASCII subjects.
 */
public final class Buckets {

    /** The version of the assignment hash; persisted alongside rollout state. */
    public static final int VERSION = 1;
    /** Buckets per rollout: a percentage has a resolution of 0.01. */
    public static final int COUNT = 10_000;

    private Buckets() {
    }

    /** The bucket of {@code subject} in rollout {@code rolloutName}, 0..9999. */
    public static int bucket(String rolloutName, String subject) {
        return bucket(seed(rolloutName), subject);
    }

    /** The hash seed of a rollout, to compute once per rollout and pass to {@link #bucket(long, String)}. */
    public static long seed(String rolloutName) {
        return XxHash64.hash(rolloutName, 0);
    }

    /** The bucket of {@code subject} under a rollout's {@link #seed}, 0..9999. */
    public static int bucket(long seed, String subject) {
        long hash = XxHash64.hash(subject, seed);
        return (int) (((hash >>> 32) * COUNT) >>> 32);
    }

    /** Whether {@code bucket} is in the canary at {@code percent} (0..100, to 0.01). */
    public static boolean isCanary(int bucket, double percent) {
        return bucket < basisPoints(percent);
    }

    /** {@code percent} in hundredths of a percent, i.e. how many buckets are in the canary. */
    public static int basisPoints(double percent) {
        return (int) Math.round(percent * 100);
    }
}
