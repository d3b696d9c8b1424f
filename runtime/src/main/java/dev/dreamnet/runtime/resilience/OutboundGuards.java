package dev.dreamnet.runtime.resilience;

import dev.dreamnet.config.resilience.OutboundSettings;
import dev.dreamnet.core.breaker.CallNotPermittedException;
import dev.dreamnet.core.overload.AdaptiveThrottle;
import dev.dreamnet.core.overload.Bulkhead;
import dev.dreamnet.core.overload.Hedging;
import dev.dreamnet.core.overload.LocallyRejectedException;
import dev.dreamnet.core.retry.RetriesExhaustedException;
import dev.dreamnet.core.retry.RetryAfterException;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Scheduler;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One downstream's outbound guards, each null when not configured: the adaptive throttle decides
 * first, then the bulkhead takes a place, then the call (retries and breaker) runs. The throttle
 * counts a call as accepted when the downstream answered it: anything but a refusal here, a breaker
 * refusal, exhausted retries, a {@link RetryAfterException} or a failure the service's retry policy
 * calls transient. Thread-safe.
 */
final class OutboundGuards {

    private final String name;
    private final AdaptiveThrottle throttle;
    private final Bulkhead bulkhead;
    private final Hedging hedging;
    private final Predicate<Throwable> transientFailure;

    OutboundGuards(String name, OutboundSettings settings, Predicate<Throwable> transientFailure, Clock clock,
                   Scheduler scheduler, Supplier<ExecutorService> hedgeExecutor) {
        this.name = name;
        this.transientFailure = transientFailure;
        this.throttle = settings.throttle().map(config -> new AdaptiveThrottle(name, config, clock)).orElse(null);
        this.bulkhead = settings.bulkhead().isPresent() ? new Bulkhead(name, settings.bulkhead().getAsInt()) : null;
        this.hedging = settings.hedge().map(config -> {
            Hedging.Builder builder = Hedging.builder(name).config(config).clock(clock).scheduler(scheduler)
                    .executor(hedgeExecutor.get());
            return (bulkhead == null ? builder : builder.bulkhead(bulkhead)).build();
        }).orElse(null);
    }

    /** Hedging, or null when the service does not hedge. */
    Hedging hedging() {
        return hedging;
    }

    /**
     * Runs {@code call} behind the throttle and the bulkhead.
     *
     * @throws LocallyRejectedException when either refuses; nothing was sent
     */
    <T> T call(Callable<T> call) throws Exception {
        if (throttle != null) {
            throttle.acquire();
        }
        if (bulkhead != null) {
            bulkhead.acquire();
        }
        try {
            T value = call.call();
            accepted();
            return value;
        } catch (Exception e) {
            if (answered(e)) {
                accepted();
            }
            throw e;
        } finally {
            if (bulkhead != null) {
                bulkhead.release();
            }
        }
    }

    private void accepted() {
        if (throttle != null) {
            throttle.onAccepted();
        }
    }

    private boolean answered(Exception e) {
        return !(e instanceof LocallyRejectedException || e instanceof CallNotPermittedException
                || e instanceof RetriesExhaustedException || e instanceof RetryAfterException
                || e instanceof InterruptedException || transientFailure.test(e));
    }

    OutboundSnapshot snapshot() {
        return new OutboundSnapshot(name, bulkhead == null ? null : bulkhead.snapshot(),
                throttle == null ? null : throttle.snapshot(), hedging == null ? null : hedging.snapshot());
    }
}
