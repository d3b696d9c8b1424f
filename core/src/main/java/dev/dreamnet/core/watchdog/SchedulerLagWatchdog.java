package dev.dreamnet.core.watchdog;

import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Scheduler;
import dev.dreamnet.core.watchdog.internal.LatenessWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A probe that schedules itself every {@code interval} on the injected {@link Scheduler} and
 * measures with the {@link Clock} how late each run was; it judges the worst lateness of the
 * last window, and counts the pending run as late too, so a starved timer thread or a long GC
 * pause shows up even while it lasts. Defaults: every 100 ms, 60 s window, WARN at 200 ms,
 * CRIT at 1000 ms. Call {@link #start()} once; {@link #close()} stops it. Thread-safe: state is
 * guarded by {@code this}.
 */
public final class SchedulerLagWatchdog implements Watchdog, AutoCloseable {

    /** The name readings carry. */
    public static final String NAME = "scheduler-lag";

    private final Scheduler scheduler;
    private final Clock clock;
    private final Duration interval;
    private final long windowNanos;
    private final Thresholds thresholds;
    private final LatenessWindow window;
    private final long[] stats = new long[2];
    private Scheduler.Cancellable pending;
    private long dueNanos;
    private boolean started;
    private boolean closed;

    private SchedulerLagWatchdog(Builder builder) {
        this.scheduler = builder.scheduler;
        this.clock = builder.clock;
        this.interval = builder.interval;
        this.windowNanos = builder.window.toNanos();
        this.thresholds = builder.thresholds;
        this.window = new LatenessWindow(windowNanos, (int) (windowNanos / interval.toNanos()) + 16);
    }

    public static Builder builder(Scheduler scheduler, Clock clock) {
        return new Builder(scheduler, clock);
    }

    /** Schedules the first tick; calling it again, or after {@link #close()}, does nothing. */
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        scheduleNext(clock.nanoTime());
    }

    /** Cancels the pending tick; readings keep the history. */
    @Override
    public synchronized void close() {
        closed = true;
        if (pending != null) {
            pending.cancel();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized Reading read(long nowNanos) {
        int ticks = window.stats(nowNanos, stats);
        long overdue = started && !closed ? Math.max(0, nowNanos - dueNanos) : 0;
        if (ticks == 0 && overdue == 0) {
            String reason = started ? "no timer ticks yet" : "scheduler lag probe not started";
            return new Reading(NAME, Level.OK, 0, "ms", thresholds, reason, List.of());
        }
        long maxNanos = Math.max(ticks > 0 ? stats[0] : 0, overdue);
        double maxMillis = maxNanos / 1e6;
        Level level = thresholds.levelOf(maxMillis);
        String reason = "timer ran up to " + Numbers.plain(maxMillis) + " ms late in the last "
                + Durations.seconds(windowNanos) + " (" + thresholds.next(level, " ms") + ")";
        return new Reading(NAME, level, maxMillis, "ms", thresholds, reason, detail(ticks, overdue));
    }

    private List<String> detail(int ticks, long overdueNanos) {
        List<String> detail = new ArrayList<>(3);
        detail.add(ticks + " ticks every " + interval.toMillis() + " ms");
        if (ticks > 0) {
            detail.add("max " + Numbers.plain(stats[0] / 1e6) + " ms, p99 " + Numbers.plain(stats[1] / 1e6) + " ms");
        }
        if (overdueNanos > 0) {
            detail.add("next tick overdue by " + Numbers.plain(overdueNanos / 1e6) + " ms");
        }
        return detail;
    }

    private void tick() {
        long now = clock.nanoTime();
        synchronized (this) {
            if (closed) {
                return;
            }
            window.record(now, Math.max(0, now - dueNanos));
            scheduleNext(now);
        }
    }

    private void scheduleNext(long now) {
        dueNanos = now + interval.toNanos();
        pending = scheduler.schedule(interval, this::tick);
    }

    /** Builds a {@link SchedulerLagWatchdog}; not thread-safe, use it from one thread. */
    public static final class Builder {
        private static final long MAX_TICKS_PER_WINDOW = 100_000;

        private final Scheduler scheduler;
        private final Clock clock;
        private Duration interval = Duration.ofMillis(100);
        private Duration window = Duration.ofSeconds(60);
        private Thresholds thresholds = Thresholds.of(NAME + ".thresholds", 200, 1000);

        private Builder(Scheduler scheduler, Clock clock) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
        }

        /** How often the probe runs; default 100 ms. */
        public Builder interval(Duration interval) {
            this.interval = Durations.positive(NAME + ".interval", interval);
            return this;
        }

        /** How far back the worst lateness is remembered; default 60 s. */
        public Builder window(Duration window) {
            this.window = Durations.positive(NAME + ".window", window);
            return this;
        }

        /** Lateness in milliseconds; default 200 and 1000. */
        public Builder thresholds(double warnMillis, double critMillis) {
            this.thresholds = Thresholds.of(NAME + ".thresholds", warnMillis, critMillis);
            return this;
        }

        /** @throws IllegalArgumentException when the window holds fewer than one or more than 100,000 ticks */
        public SchedulerLagWatchdog build() {
            long ticks = window.toNanos() / interval.toNanos();
            if (ticks < 1 || ticks > MAX_TICKS_PER_WINDOW) {
                throw new IllegalArgumentException(NAME + ".window (" + window + ") must hold between 1 and "
                        + MAX_TICKS_PER_WINDOW + " ticks of " + NAME + ".interval (" + interval + "), holds " + ticks);
            }
            return new SchedulerLagWatchdog(this);
        }
    }
}
