package dev.dreamnet.bench.overload;

/**
 * How long after an overload the server is back to full goodput: the first second of the recovery phase from which
 * every second has at least {@code threshold} of its requests (by intended send time) answered 2xx. Pure.
 */
public final class Recovery {

    private Recovery() {
    }

    /**
     * Seconds from the recovery phase's start to full goodput, or -1 when even its last second falls short.
     *
     * @param sent requests meant to be sent in each second of the recovery phase
     * @param ok   of those, how many were answered 2xx
     */
    public static int secondsToFullGoodput(long[] sent, long[] ok, double threshold) {
        int recovered = -1;
        for (int second = sent.length - 1; second >= 0; second--) {
            if (ok[second] < threshold * sent[second]) {
                break;
            }
            recovered = second;
        }
        return recovered;
    }
}
