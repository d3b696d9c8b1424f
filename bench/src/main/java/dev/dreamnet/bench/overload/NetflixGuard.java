package dev.dreamnet.bench.overload;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.AbstractPartitionedLimiter;
import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.javalin.http.ApiException;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * Netflix concurrency-limits' partitioned limiter on a {@link Gradient2Limit} with its defaults, one partition per
 * class. A partition is guaranteed its share of the limit; once the limit is reached, a class at or over its share is
 * refused. The shares are each class's demand at the top step (mix x 3) as a share of capacity, the rest to
 * SHEDDABLE: with the 10/20/70 mix, CRITICAL 0.3, DEFAULT 0.6, SHEDDABLE 0.1, which is as much priority as the
 * limiter can express. A 2xx answer reports success (its latency feeds the limit), a 503 from the pool drop, anything
 * else is ignored. Thread-safe.
 */
final class NetflixGuard implements Guard {

    private static final String LISTENER = "bench.netflix.listener";

    private final Map<Criticality, Double> shares;
    private final Limiter<Criticality> limiter;
    private final ApiException refusal = Guard.refusal("the Netflix limiter");

    NetflixGuard(Map<Criticality, Double> shares) {
        this.shares = Map.copyOf(shares);
        Partitioned builder = new Partitioned().limit(Gradient2Limit.newBuilder().build())
                .partitionResolver(Criticality::name);
        shares.forEach((criticality, share) -> builder.partition(criticality.name(), share));
        this.limiter = builder.build();
    }

    @Override
    public void enter(Context ctx, Criticality criticality) {
        Optional<Limiter.Listener> listener = limiter.acquire(criticality);
        if (listener.isEmpty()) {
            throw refusal;
        }
        ctx.attribute(LISTENER, listener.get());
    }

    @Override
    public void exit(Context ctx) {
        Limiter.Listener listener = ctx.attribute(LISTENER);
        if (listener == null) {
            return;
        }
        int status = ctx.status().getCode();
        if (status < 300) {
            listener.onSuccess();
        } else if (status == 503) {
            listener.onDropped();
        } else {
            listener.onIgnore();
        }
    }

    @Override
    public String describe() {
        return "Netflix concurrency-limits 0.5.4 partitioned limiter, Gradient2Limit defaults, partitions " + shares;
    }

    private static final class Partitioned extends AbstractPartitionedLimiter.Builder<Partitioned, Criticality> {
        @Override
        protected Partitioned self() {
            return this;
        }
    }
}
