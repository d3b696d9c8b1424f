package dev.dreamnet.runtime.resilience;

import dev.dreamnet.config.resilience.ResilienceSettings;
import dev.dreamnet.config.resilience.ServiceSettings;
import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.breaker.CircuitBreakerConfig;
import dev.dreamnet.core.breaker.TransitionListener;
import dev.dreamnet.core.retry.Retry;
import dev.dreamnet.core.retry.RetryConfig;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Deadline;
import dev.dreamnet.core.time.Scheduler;
import dev.dreamnet.core.time.Sleeper;
import dev.dreamnet.core.time.SystemScheduler;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every downstream service an application calls (the toolkit's own: database and queue; the reference
 * service's provider; any an application configures), each behind its own circuit breaker and retry policy from
 * {@code config/resilience.yaml}, and, where the file sets them up, its outbound overload guards: an adaptive
 * throttle and a bulkhead in front of the retries, and hedging of the calls made through {@link #hedged}.
 * Every outbound call goes through {@link #call}, {@link #callWithin} or {@link #hedged}. Thread-safe.
 */
public final class Downstreams {

    public static final String DATABASE = "database";
    public static final String PROVIDER = "provider";
    public static final String QUEUE = "queue";
    /** The reference service's downstreams, the only names its {@code config/resilience.yaml} may configure. */
    public static final List<String> NAMES = List.of(DATABASE, PROVIDER, QUEUE);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, ServiceSettings> settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final TransitionListener listener;
    /** Times hedge delays and runs hedged requests; null until a service hedges. Guarded by this. */
    private Scheduler hedgeTimer;
    private ExecutorService hedgeRequests;
    /** Whether this started the hedge timer or pool itself, and so closes it in {@link #close()}. Guarded by this. */
    private boolean ownHedgeTimer;
    private boolean ownHedgeRequests;
    /**
     * The breakers, retries and outbound guards in force: built at the first call or look-up (an application that
     * calls none of its downstreams before it is ready loads none of their classes before then), replaced by each
     * {@link #reload}.
     */
    private volatile InForce inForce;
    private volatile dev.dreamnet.runtime.tracing.Tracing tracing = dev.dreamnet.runtime.tracing.Tracing.off();

    /**
     * Downstreams whose hedges, if any service hedges, are timed by a scheduler of their own and run on a
     * pool of daemon threads of their own.
     */
    public Downstreams(ResilienceSettings resilience, Clock clock, Sleeper sleeper, TransitionListener listener) {
        this(resilience, clock, sleeper, null, null, listener);
    }

    /**
     * @param scheduler     times hedge delays; null to start one of its own if a service hedges
     * @param hedgeExecutor runs the requests of hedged calls, starting each at once (a cached pool, say);
     *                      null to start a pool of daemon threads of its own if a service hedges
     */
    public Downstreams(ResilienceSettings resilience, Clock clock, Sleeper sleeper, Scheduler scheduler,
                       ExecutorService hedgeExecutor, TransitionListener listener) {
        this.settings = resilience.services();
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        this.sleeper = java.util.Objects.requireNonNull(sleeper, "sleeper");
        this.listener = listener;
        this.hedgeTimer = scheduler;
        this.hedgeRequests = hedgeExecutor;
    }

    private InForce inForce() {
        InForce current = inForce;
        return current != null ? current : build();
    }

    private synchronized InForce build() {
        if (inForce == null) {
            Map<String, CircuitBreaker> breakers = new LinkedHashMap<>();
            Map<String, Retry> retries = new LinkedHashMap<>();
            Map<String, OutboundGuards> guards = new LinkedHashMap<>();
            settings.forEach((name, service) -> {
                CircuitBreaker breaker = breaker(name, service);
                breakers.put(name, breaker);
                retries.put(name, retry(name, service, breaker));
                guards.put(name, guards(name, service));
            });
            inForce = new InForce(settings, breakers, retries, guards);
        }
        return inForce;
    }

    private CircuitBreaker breaker(String name, ServiceSettings service) {
        CircuitBreaker.Builder breaker = CircuitBreaker.builder(name).config(service.breaker()).clock(clock);
        return (listener == null ? breaker : breaker.listener(listener)).build();
    }

    private Retry retry(String name, ServiceSettings service, CircuitBreaker breaker) {
        return Retry.builder(name).config(service.retry()).breaker(breaker).clock(clock).sleeper(sleeper).build();
    }

    /** The outbound guards {@code service}'s settings ask for, starting the hedging threads the first time one hedges. */
    private synchronized OutboundGuards guards(String name, ServiceSettings service) {
        if (service.outbound().hedge().isPresent()) {
            if (hedgeTimer == null) {
                hedgeTimer = new SystemScheduler("dreamnet-hedge-timer", 1);
                ownHedgeTimer = true;
            }
            if (hedgeRequests == null) {
                hedgeRequests = hedgePool();
                ownHedgeRequests = true;
            }
        }
        ExecutorService pool = hedgeRequests;
        return new OutboundGuards(name, service.outbound(), service.retry().retryOn(), clock, hedgeTimer, () -> pool);
    }

    private static ExecutorService hedgePool() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "dreamnet-hedge-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * database, provider and queue with the library's defaults, except that the database never retries
     * and its breaker counts outages, not one reset of the pool ({@link #databaseBreaker()}).
     */
    public static ResilienceSettings defaults() {
        CircuitBreakerConfig breaker = CircuitBreakerConfig.ofDefaults();
        return ResilienceSettings.of(List.of(
                new ServiceSettings(DATABASE, databaseBreaker(), RetryConfig.builder().maxAttempts(1).build(),
                        Optional.of(Duration.ofSeconds(2)), Optional.empty()),
                new ServiceSettings(PROVIDER, breaker, RetryConfig.ofDefaults(), Optional.of(Duration.ofSeconds(10)),
                        Optional.empty()),
                new ServiceSettings(QUEUE, breaker, RetryConfig.ofDefaults(), Optional.empty(), Optional.empty())));
    }

    /**
     * The database breaker of {@code config/resilience.yaml}: when every pooled connection is cut at
     * once, each can fail one call before the pool evicts it, so neither 20 failures in a row nor a
     * 50% failure rate below 30 calls in 10 s can come from one reset of a pool of 10.
     */
    static CircuitBreakerConfig databaseBreaker() {
        return CircuitBreakerConfig.builder().consecutiveFailures(20).timeWindow(Duration.ofSeconds(10))
                .minimumCalls(30).resetTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Stops the hedge timer and the pool of hedged requests this started itself (a scheduler or executor given to the
     * constructor stays the caller's); hedged requests already running finish. Idempotent.
     */
    public synchronized void close() {
        if (ownHedgeRequests) {
            hedgeRequests.shutdown();
        }
        if (ownHedgeTimer) {
            ((SystemScheduler) hedgeTimer).close();
        }
    }

    /**
     * Calls {@code service} through its throttle and bulkhead, if it has them, then its breaker and retry policy,
     * within the service's timeout.
     *
     * @throws IllegalArgumentException if the service is not configured
     * @throws NullPointerException if {@code service} or {@code callable} is null, before the breaker counts anything
     * @throws dev.dreamnet.core.overload.LocallyRejectedException if the throttle or the bulkhead refused the
     *         call: nothing was sent, the breaker counted nothing and nothing was retried
     */
    public <T> T call(String service, Callable<T> callable) throws Exception {
        Objects.requireNonNull(callable, "callable");
        Retry retry = retry(service);
        Deadline deadline = Deadline.after(timeout(service), clock);
        dev.dreamnet.runtime.tracing.Tracing traced = tracing;
        if (!traced.enabled()) {
            return guard(service).call(() -> retry.call(callable, deadline));
        }
        return dev.dreamnet.runtime.tracing.OutboundSpan.run(traced.tracer(), service,
                span -> guard(service).call(() -> retry.call(span.attempt(callable), deadline)));
    }

    /** Spans for every call from now on (off by default); see {@link dev.dreamnet.runtime.tracing.OutboundSpan}. */
    public void tracing(dev.dreamnet.runtime.tracing.Tracing tracing) {
        this.tracing = java.util.Objects.requireNonNull(tracing, "tracing");
    }

    /** A call that bounds its own waiting (an HTTP request's timeout, say) by the time it is given. */
    @FunctionalInterface
    public interface BoundedCall<T> {
        T call(Duration timeLeft) throws Exception;
    }

    /**
     * As {@link #call}, giving each attempt the time left before the service's timeout, so that the
     * last attempt cannot run past it.
     */
    public <T> T callWithin(String service, BoundedCall<T> call) throws Exception {
        Objects.requireNonNull(call, "call");
        Retry retry = retry(service);
        Deadline deadline = Deadline.after(timeout(service), clock);
        dev.dreamnet.runtime.tracing.Tracing traced = tracing;
        if (!traced.enabled()) {
            return guard(service).call(() -> retry.call(() -> call.call(deadline.remaining()), deadline));
        }
        return dev.dreamnet.runtime.tracing.OutboundSpan.run(traced.tracer(), service, span -> guard(service)
                .call(() -> retry.call(span.attempt(() -> call.call(deadline.remaining())), deadline)));
    }

    /**
     * As {@link #callWithin}, for a call the caller declares idempotent (safe to send twice): when the
     * service has {@code hedge} settings, each attempt is hedged, a second request being sent if the first
     * has not answered after the hedge delay and the hedge budget allows; the first success answers and the
     * other request is cancelled. The breaker counts a hedged attempt once; hedges do not spend the retry budget.
     */
    public <T> T hedged(String service, BoundedCall<T> call) throws Exception {
        Objects.requireNonNull(call, "call");
        Retry retry = retry(service);
        OutboundGuards outbound = guard(service);
        if (outbound.hedging() == null) {
            return callWithin(service, call);
        }
        Deadline deadline = Deadline.after(timeout(service), clock);
        return outbound.call(() -> retry.call(
                () -> outbound.hedging().call(true, () -> call.call(deadline.remaining())), deadline));
    }

    /** The outbound guards of every downstream, by name, in file order. */
    public Map<String, OutboundSnapshot> outbound() {
        Map<String, OutboundSnapshot> snapshots = new LinkedHashMap<>();
        inForce().guards().forEach((name, guard) -> snapshots.put(name, guard.snapshot()));
        return Collections.unmodifiableMap(snapshots);
    }

    /** Every downstream's name, in file order (a reload cannot change them), without building their breakers. */
    public List<String> names() {
        return List.copyOf(settings.keySet());
    }

    public Retry retry(String service) {
        Objects.requireNonNull(service, "service");
        Retry retry = inForce().retries().get(service);
        if (retry == null) {
            settings(service); // throws, naming the configured services
        }
        return retry;
    }

    private OutboundGuards guard(String service) {
        return inForce().guards().get(service);
    }

    public CircuitBreaker breaker(String service) {
        return inForce().breaker(service);
    }

    public Collection<CircuitBreaker> breakers() {
        return inForce().breakers().values();
    }

    /**
     * The settings in force for {@code service}.
     *
     * @throws IllegalArgumentException naming the configured services, if it is not one of them
     */
    public ServiceSettings settings(String service) {
        InForce current = inForce;
        ServiceSettings found = (current == null ? settings : current.settings()).get(service);
        if (found == null) {
            throw new IllegalArgumentException("no downstream service \"" + service + "\" in the resilience "
                    + "configuration (configured: " + String.join(", ", settings.keySet()) + ")");
        }
        return found;
    }

    /** How long one call to {@code service} may take, retries included. */
    public Duration timeout(String service) {
        return settings(service).timeout().orElse(DEFAULT_TIMEOUT);
    }

    /**
     * Why {@code next} cannot be reloaded: it adds or removes a downstream, which needs a restart (naming them); null
     * when it names the same downstreams as the settings in force.
     */
    public String namesChanged(ResilienceSettings next) {
        java.util.Set<String> known = settings.keySet();
        java.util.Set<String> wanted = next.services().keySet();
        if (wanted.equals(known)) {
            return null;
        }
        List<String> added = wanted.stream().filter(name -> !known.contains(name)).toList();
        List<String> removed = known.stream().filter(name -> !wanted.contains(name)).toList();
        return "downstreams cannot be added or removed without a restart (added: " + added + ", removed: " + removed
                + ")";
    }

    /**
     * Puts new settings in force for the same downstreams, without a restart (a reloaded {@code resilience.yaml}):
     * calls that begin afterwards use them. A breaker whose settings are unchanged keeps its state; one whose settings
     * changed starts afresh, closed, and the old one's transitions are no longer reported. Retries are rebuilt (their
     * budgets start afresh). A downstream whose outbound settings (bulkhead, throttle, hedging) are unchanged keeps its
     * guards and their counts; one whose settings changed gets new guards (calls in flight finish on the old ones).
     * Adding or removing a downstream needs a restart.
     *
     * @throws IllegalArgumentException naming the downstreams added or removed; nothing is changed then
     */
    public synchronized void reload(ResilienceSettings next) {
        Map<String, ServiceSettings> nextSettings = next.services();
        String refused = namesChanged(next);
        if (refused != null) {
            throw new IllegalArgumentException(refused + "; the settings in force are kept");
        }
        Map<String, CircuitBreaker> nextBreakers = new LinkedHashMap<>();
        Map<String, Retry> nextRetries = new LinkedHashMap<>();
        Map<String, OutboundGuards> nextGuards = new LinkedHashMap<>();
        nextSettings.forEach((name, service) -> {
            // Unchanged outbound settings keep their guards, with their counts and the calls in flight.
            nextGuards.put(name, settings(name).outbound().equals(service.outbound()) ? guard(name)
                    : guards(name, service));
            // Configs are records: equal unless a value changed. An exception filter read from a file is a new
            // object at each load, so a breaker that names its exceptions starts afresh at every reload.
            CircuitBreaker breaker = settings(name).breaker().equals(service.breaker()) ? breaker(name)
                    : breaker(name, service);
            nextBreakers.put(name, breaker);
            nextRetries.put(name, retry(name, service, breaker));
        });
        inForce = new InForce(nextSettings, nextBreakers, nextRetries, nextGuards);
    }

    /** The settings, breakers, retries and outbound guards in force, each by name in the file's order. */
    private record InForce(Map<String, ServiceSettings> settings, Map<String, CircuitBreaker> breakers,
                           Map<String, Retry> retries, Map<String, OutboundGuards> guards) {

        InForce {
            settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
            breakers = Collections.unmodifiableMap(breakers);
            retries = Collections.unmodifiableMap(retries);
            guards = Collections.unmodifiableMap(guards);
        }

        CircuitBreaker breaker(String service) {
            CircuitBreaker breaker = breakers.get(service);
            if (breaker == null) {
                throw new IllegalArgumentException("no circuit breaker named \"" + service + "\"; known: "
                        + String.join(", ", breakers.keySet()));
            }
            return breaker;
        }
    }
}
