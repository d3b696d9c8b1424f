package dev.dreamnet.core.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.core.time.FakeClock;
import dev.dreamnet.core.time.ManualScheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hedged calls, with the delay timed by a {@link ManualScheduler}: requests run on real threads but
 * block until the test answers them, so nothing depends on real time.
 */
class HedgingTest {

    private static final Duration DELAY = Duration.ofMillis(100);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final ExecutorService legs = Executors.newCachedThreadPool();
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final BlockingQueue<Request> started = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        legs.shutdownNow();
        callers.shutdownNow();
    }

    /** One request sent downstream, answered (or failed) by the test. */
    private static final class Request {
        final CompletableFuture<String> answer = new CompletableFuture<>();
        final CountDownLatch interrupted = new CountDownLatch(1);
    }

    private final Callable<String> scripted = () -> {
        Request request = new Request();
        started.add(request);
        try {
            return request.answer.get();
        } catch (InterruptedException e) {
            request.interrupted.countDown();
            throw e;
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    };

    private Hedging hedging(HedgeConfig config) {
        return Hedging.builder("provider").config(config).clock(scheduler).scheduler(scheduler).executor(legs).build();
    }

    /** Every call may be hedged: each earns a whole hedge. */
    private Hedging alwaysAffordable() {
        return hedging(HedgeConfig.of(HedgeDelay.fixed(DELAY), 1.0));
    }

    private Future<String> callAsync(Hedging hedging) {
        return callers.submit(() -> hedging.call(true, scripted));
    }

    private Request next() throws InterruptedException {
        Request request = started.poll(10, TimeUnit.SECONDS);
        assertThat(request).as("a request was sent").isNotNull();
        return request;
    }

    @Test
    void aCallThatIsNotIdempotentIsNeverHedged() throws Exception {
        Hedging hedging = alwaysAffordable();
        Thread caller = Thread.currentThread();

        String answer = hedging.call(false, () -> Thread.currentThread() == caller ? "on the caller" : "elsewhere");

        assertThat(answer).isEqualTo("on the caller");
        assertThat(scheduler.pendingTasks()).as("no hedge timer").isZero();
        assertThat(hedging.snapshot().calls()).isZero();
        assertThat(hedging.snapshot().sent()).isZero();
    }

    @Test
    void theHedgeIsSentAfterTheDelayAndTheFirstSuccessWinsAndTheLoserIsCancelled() throws Exception {
        Hedging hedging = alwaysAffordable();
        Future<String> call = callAsync(hedging);
        Request primary = next();

        advanceWhenTimerSet(DELAY.minusMillis(1));
        assertThat(started).as("no hedge before the delay").isEmpty();
        scheduler.advance(Duration.ofMillis(1));
        Request hedge = next();
        hedge.answer.complete("from the hedge");

        assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("from the hedge");
        assertThat(primary.interrupted.await(10, TimeUnit.SECONDS)).as("the primary was cancelled").isTrue();
        HedgeSnapshot snapshot = hedging.snapshot();
        assertThat(snapshot.calls()).isEqualTo(1);
        assertThat(snapshot.sent()).isEqualTo(1);
        assertThat(snapshot.won()).isEqualTo(1);
    }

    @Test
    void whenThePrimaryAnswersFirstTheHedgeIsCancelled() throws Exception {
        Hedging hedging = alwaysAffordable();
        Future<String> call = callAsync(hedging);
        Request primary = next();
        advanceWhenTimerSet(DELAY);
        Request hedge = next();

        primary.answer.complete("from the primary");

        assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("from the primary");
        assertThat(hedge.interrupted.await(10, TimeUnit.SECONDS)).as("the hedge was cancelled").isTrue();
        assertThat(hedging.snapshot().won()).isZero();
    }

    @Test
    void aPrimaryAnsweringBeforeTheDelaySendsNoHedge() throws Exception {
        Hedging hedging = alwaysAffordable();
        Future<String> call = callAsync(hedging);
        next().answer.complete("fast");

        assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("fast");
        awaitNoPendingTimer();
        scheduler.advance(DELAY.multipliedBy(10));
        assertThat(started).isEmpty();
        assertThat(hedging.snapshot().sent()).isZero();
    }

    @Test
    void aPrimaryFailingBeforeTheDelayFailsTheCallAtOnceWithoutHedging() throws Exception {
        Hedging hedging = alwaysAffordable();
        Future<String> call = callAsync(hedging);
        IOException refused = new IOException("connection refused");
        next().answer.completeExceptionally(refused);

        assertThat(catchThrowable(() -> call.get(10, TimeUnit.SECONDS))).hasCause(refused);
        awaitNoPendingTimer();
        assertThat(hedging.snapshot().sent()).isZero();
    }

    @Test
    void whileTheHedgeRunsAFailedPrimaryDoesNotEndTheCall() throws Exception {
        Hedging hedging = alwaysAffordable();
        Future<String> call = callAsync(hedging);
        Request primary = next();
        advanceWhenTimerSet(DELAY);
        Request hedge = next();

        primary.answer.completeExceptionally(new IOException("reset"));
        hedge.answer.complete("rescued");

        assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("rescued");
    }

    @Test
    void whenBothFailOneFailureIsThrownWithTheOtherSuppressed() throws Exception {
        Hedging hedging = alwaysAffordable();
        Future<String> call = callAsync(hedging);
        Request primary = next();
        advanceWhenTimerSet(DELAY);
        Request hedge = next();
        IOException first = new IOException("primary failed");
        IOException second = new IOException("hedge failed");

        primary.answer.completeExceptionally(first);
        hedge.answer.completeExceptionally(second);

        // The two requests end on their own threads: either may be seen first.
        Throwable thrown = catchThrowable(() -> call.get(10, TimeUnit.SECONDS)).getCause();
        assertThat(thrown).isIn(first, second);
        assertThat(thrown.getSuppressed()).containsExactly(thrown == first ? second : first);
    }

    @Test
    void hedgesNeverExceedTheBudgetWhenEveryCallIsSlow() throws Exception {
        Hedging hedging = hedging(HedgeConfig.of(HedgeDelay.fixed(DELAY), 0.05));
        int calls = 300;
        for (int i = 0; i < calls; i++) {
            Future<String> call = callAsync(hedging);
            Request primary = next();
            long sentBefore = hedging.snapshot().sent();
            advanceWhenTimerSet(DELAY);
            boolean hedged = hedging.snapshot().sent() > sentBefore;
            (hedged ? next() : primary).answer.complete("slow");
            assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("slow");
        }

        HedgeSnapshot snapshot = hedging.snapshot();
        assertThat(snapshot.calls()).isEqualTo(calls);
        assertThat(snapshot.sent()).as("5% of 300").isEqualTo(15);
        assertThat(snapshot.budgetRefused()).isEqualTo(calls - 15);
    }

    @Test
    void aFullBulkheadSendsNoHedgeAndAHedgeHoldsAPlaceWhileItRuns() throws Exception {
        Bulkhead bulkhead = new Bulkhead("provider", 1);
        Hedging hedging = Hedging.builder("provider").config(HedgeConfig.of(HedgeDelay.fixed(DELAY), 1.0))
                .clock(scheduler).scheduler(scheduler).executor(legs).bulkhead(bulkhead).build();

        bulkhead.acquire();
        Future<String> call = callAsync(hedging);
        Request primary = next();
        advanceWhenTimerSet(DELAY);
        assertThat(started).isEmpty();
        assertThat(hedging.snapshot().bulkheadRefused()).isEqualTo(1);
        primary.answer.complete("alone");
        assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("alone");

        bulkhead.release();
        Future<String> second = callAsync(hedging);
        Request secondPrimary = next();
        advanceWhenTimerSet(DELAY);
        Request hedge = next();
        assertThat(bulkhead.inUse()).as("the hedge holds the place").isEqualTo(1);
        hedge.answer.complete("hedged");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("hedged");
        assertThat(secondPrimary.interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        awaitBulkheadEmpty(bulkhead);
    }

    @Test
    void thePercentileDelayWaitsForMinSamplesThenFollowsTheP95OfSuccessfulCalls() throws Exception {
        FakeClock latencyClock = new FakeClock();
        Hedging hedging = Hedging.builder("provider").config(HedgeConfig.ofDefaults())
                .clock(latencyClock).scheduler(scheduler).executor(legs).build();

        for (int ms = 1; ms <= 19; ms++) {
            callTaking(hedging, latencyClock, ms);
        }
        assertThat(hedging.currentDelay()).as("19 samples, 20 needed").isNull();
        for (int ms = 20; ms <= 100; ms++) {
            callTaking(hedging, latencyClock, ms);
        }
        assertThat(hedging.currentDelay()).isEqualTo(Duration.ofMillis(95));

        for (int i = 0; i < 1_000; i++) {
            callTaking(hedging, latencyClock, 10 + i % 20);
        }
        assertThat(hedging.currentDelay()).as("the old samples left the ring of 1000").isEqualTo(Duration.ofMillis(29));
        assertThat(hedging.snapshot().delay()).isEqualTo("p95");
    }

    private void callTaking(Hedging hedging, FakeClock latencyClock, int millis) throws Exception {
        hedging.call(true, () -> {
            latencyClock.advance(Duration.ofMillis(millis));
            return "ok";
        });
    }

    /** Advances once the call has set its hedge timer (it does so just after sending the primary). */
    private void advanceWhenTimerSet(Duration by) {
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(10, TimeUnit.SECONDS)
                .until(() -> scheduler.pendingTasks() == 1);
        scheduler.advance(by);
    }

    private void awaitNoPendingTimer() {
        await("the timer was cancelled").pollInterval(Duration.ofMillis(1)).atMost(10, TimeUnit.SECONDS)
                .until(() -> scheduler.pendingTasks() == 0);
    }

    private static void awaitBulkheadEmpty(Bulkhead bulkhead) {
        await("the bulkhead empties").pollInterval(Duration.ofMillis(1)).atMost(10, TimeUnit.SECONDS)
                .until(() -> bulkhead.inUse() == 0);
    }
}
