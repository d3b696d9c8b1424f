package dev.dreamnet.reference.provider;

/**
 * A built-in stand-in for the external provider, so {@code dreamnet serve} runs with no outside
 * service ({@link StubProviderRoutes} serves it): a deterministic interpretation, and faults that can
 * be injected at runtime to rehearse a provider outage (a failure rate with a status code, and added
 * latency). Thread-safe.
 */
public final class StubProvider {

    /** The faults being injected; immutable, swapped whole. */
    public record Faults(double failureRate, int status, long delayMs) {
        static final Faults NONE = new Faults(0, 503, 0);
    }

    private volatile Faults faults = Faults.NONE;

    public Faults faults() {
        return faults;
    }

    /** Injects {@code next} from now on and returns it. */
    public Faults setFaults(Faults next) {
        faults = next;
        return next;
    }

    /** The stub's answer for a dream titled {@code title}. */
    static String interpretation(String title) {
        return "A dream about \"" + title + "\" suggests something left unfinished.";
    }
}
