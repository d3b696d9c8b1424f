package dev.dreamnet.bench.overload;

/**
 * How long after an overload the server is back to full goodput: the first second of the recovery phase that starts
 * {@value #HOLD} consecutive seconds (fewer at the phase's end) each with at least {@code threshold} of its requests
 * (by intended send time) answered 2xx. Holding a few seconds, not the whole phase, keeps one later second disturbed
 * by something else on the machine from counting as no recovery at all. Pure.
 */
public final class Recovery {

    /** Consecutive full seconds that count as recovered. */
    static final int HOLD = 3;

    private Recovery() {
    }

    /**
     * Seconds from the recovery phase's start to full goodput, or -1 when no such run of full seconds comes.
     *
     * @param sent requests meant to be sent in each second of the recovery phase
     * @param ok   of those, how many were answered 2xx
     */
    public static int secondsToFullGoodput(long[] sent, long[] ok, double threshold) {
        int run = 0;
        for (int second = 0; second < sent.length; second++) {
            run = ok[second] >= threshold * sent[second] ? run + 1 : 0;
            if (run == HOLD) {
                return second - HOLD + 1;
            }
        }
        return run > 0 ? sent.length - run : -1;
    }
}
