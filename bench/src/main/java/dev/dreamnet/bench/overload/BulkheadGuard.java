package dev.dreamnet.bench.overload;

import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.javalin.http.ApiException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.javalin.http.Context;
import java.time.Duration;

/**
 * A fixed Resilience4j semaphore bulkhead of {@code maxConcurrentCalls}, no waiting: past it every class is refused
 * alike. Thread-safe.
 */
final class BulkheadGuard implements Guard {

    private static final String PERMIT = "bench.bulkhead.permit";

    private final Bulkhead bulkhead;
    private final ApiException refusal = Guard.refusal("the bulkhead");

    BulkheadGuard(int maxConcurrentCalls) {
        this.bulkhead = Bulkhead.of("work", BulkheadConfig.custom().maxConcurrentCalls(maxConcurrentCalls)
                .maxWaitDuration(Duration.ZERO).build());
    }

    @Override
    public void enter(Context ctx, Criticality criticality) {
        if (!bulkhead.tryAcquirePermission()) {
            throw refusal;
        }
        ctx.attribute(PERMIT, Boolean.TRUE);
    }

    @Override
    public void exit(Context ctx) {
        if (ctx.attribute(PERMIT) != null) {
            bulkhead.onComplete();
        }
    }

    @Override
    public String describe() {
        return "Resilience4j Bulkhead maxConcurrentCalls " + bulkhead.getBulkheadConfig().getMaxConcurrentCalls()
                + ", maxWaitDuration 0";
    }
}
