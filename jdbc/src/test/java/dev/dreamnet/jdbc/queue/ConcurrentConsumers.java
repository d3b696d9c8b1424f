package dev.dreamnet.jdbc.queue;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.queue.PollOutcome;
import dev.dreamnet.core.queue.QueueMessage;
import dev.dreamnet.core.queue.QueueSpec;
import dev.dreamnet.core.time.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Four consumers on two backend instances drain 2,000 messages, every tenth failing its first
 * attempt: each message must succeed exactly once and never be held by two consumers at once.
 * Shared by the H2 and PostgreSQL tests. Not thread-safe itself; run it from one test thread.
 */
final class ConcurrentConsumers {

    static final int MESSAGES = 2_000;
    static final int THREADS = 4;

    final Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();
    final Set<String> inProgress = ConcurrentHashMap.newKeySet();
    final AtomicInteger overlaps = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();
    final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

    /** Runs the drain on {@code database}; returns whether every consumer finished within a minute. */
    boolean run(TestDatabase database) throws InterruptedException {
        FakeClock clock = new FakeClock();
        List<DatabaseQueueBackend> instances = List.of(DatabaseQueueBackend.create(database.dataSource(), clock),
                DatabaseQueueBackend.create(database.dataSource(), clock));
        QueueSpec spec = QueueSpec.builder("busy-" + UUID.randomUUID()).redeliveryDelay(Duration.ZERO).build();
        instances.get(0).declare(spec);
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            payloads.add(("m-" + i).getBytes(UTF_8));
        }
        instances.get(0).publishAll(spec.name(), payloads);
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(THREADS);
        for (int t = 0; t < THREADS; t++) {
            DatabaseQueueBackend backend = instances.get(t % instances.size());
            Thread consumer = new Thread(() -> consume(backend, spec.name(), start, done), "consumer-" + t);
            consumer.setDaemon(true);
            consumer.start();
        }
        start.countDown();
        return done.await(60, TimeUnit.SECONDS);
    }

    private void consume(DatabaseQueueBackend backend, String queue, CountDownLatch start, CountDownLatch done) {
        try {
            start.await();
            while (successes.size() < MESSAGES && firstFailure.get() == null) {
                if (backend.poll(queue, this::handle) == PollOutcome.EMPTY) {
                    Thread.yield();
                }
            }
        } catch (Throwable e) {
            firstFailure.compareAndSet(null, e);
        } finally {
            done.countDown();
        }
    }

    private void handle(QueueMessage message) {
        String text = message.text();
        if (!inProgress.add(text)) {
            overlaps.incrementAndGet();
        }
        try {
            if (text.endsWith("0") && message.attempt() == 1) {
                retries.incrementAndGet();
                throw new IllegalStateException("first attempt of " + text + " fails");
            }
            successes.computeIfAbsent(text, key -> new AtomicInteger()).incrementAndGet();
        } finally {
            inProgress.remove(text);
        }
    }

    void assertEachMessageSucceededExactlyOnceAndNeverOverlapped() {
        assertThat(firstFailure.get()).isNull();
        assertThat(overlaps.get()).as("messages held by two consumers at once").isZero();
        assertThat(successes).hasSize(MESSAGES);
        assertThat(successes.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(retries.get()).isEqualTo(MESSAGES / 10);
    }
}
