package dev.dreamnet.reference.flags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.reference.support.FlagServer;
import dev.dreamnet.reference.support.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WRITE_DRAIN refuses writes with 503 and a reason, never loses an accepted one, and leaves reads alone. */
class WriteDrainTest {

    private static final int WRITERS = 8;
    private static final Duration LOAD = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    private record Write(String title, Reply reply) {
    }

    @Test
    void togglingWriteDrainUnderEightWritersLosesNoAcceptedWriteAndRefusesTheRestCleanly() throws Exception {
        try (FlagServer flags = FlagServer.start(dir)) {
            Queue<Write> writes = new ConcurrentLinkedQueue<>();
            Queue<Reply> reads = new ConcurrentLinkedQueue<>();
            AtomicReference<Throwable> firstFailure = new AtomicReference<>();
            AtomicInteger toggles = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(WRITERS + 1);
            long end = System.nanoTime() + LOAD.toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
            ScheduledExecutorService toggler = Executors.newSingleThreadScheduledExecutor();
            try {
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    pool.execute(() -> loop(start, done, end, firstFailure, n -> {
                        String title = "w" + writer + "-" + n;
                        writes.add(new Write(title, flags.anonymous.post("/api/dreams",
                                "{\"title\": \"" + title + "\", \"body\": \"load\"}")));
                    }));
                }
                pool.execute(() -> loop(start, done, end, firstFailure, n -> reads.add(flags.anonymous.get("/api/dreams"))));
                toggler.scheduleAtFixedRate(() -> {
                    boolean on = toggles.getAndIncrement() % 2 == 0;
                    Reply reply = flags.adminPost("/write-drain/" + (on ? "enable" : "disable"), "");
                    if (reply.status() != 200) {
                        firstFailure.compareAndSet(null, new AssertionError("toggle answered " + reply.status()));
                    }
                }, 0, 100, TimeUnit.MILLISECONDS);
                start.countDown();
                assertThat(done.await(LOAD.toSeconds() + 30, TimeUnit.SECONDS)).as("load finished").isTrue();
            } finally {
                toggler.shutdownNow();
                pool.shutdownNow();
                assertThat(toggler.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(firstFailure.get()).isNull();
            flags.adminPost("/write-drain/disable", "");

            List<Write> accepted = writes.stream().filter(w -> w.reply().status() == 201).toList();
            List<Write> refused = writes.stream().filter(w -> w.reply().status() != 201).toList();
            assertThat(toggles.get()).isGreaterThan(10);
            assertThat(accepted).isNotEmpty();
            assertThat(refused).isNotEmpty();
            for (Write write : accepted) {
                Reply read = flags.anonymous.get("/api/dreams/" + write.reply().json().get("id").asLong());
                assertThat(read.status()).isEqualTo(200);
                assertThat(read.text("title")).isEqualTo(write.title());
            }
            for (Write write : refused) {
                assertThat(write.reply().status()).as(write.reply().body()).isEqualTo(503);
                assertThat(write.reply().header("Retry-After")).isNotBlank();
                assertThat(write.reply().text("error")).isEqualTo("write drain");
            }
            assertThat(reads).isNotEmpty().allSatisfy(read -> assertThat(read.status()).isEqualTo(200));
        }
    }

    @Test
    void writeDrainOnAtBootRefusesTheFirstWriteWhileReadsAndAdminRoutesWork() throws Exception {
        try (FlagServer flags = FlagServer.start(dir, Map.of("WRITE_DRAIN", "on"))) {
            Reply first = flags.anonymous.post("/api/dreams", "{\"title\": \"first\", \"body\": \"b\"}");

            assertThat(first.status()).isEqualTo(503);
            assertThat(first.header("Retry-After")).isNotBlank();
            assertThat(first.text("error")).isEqualTo("write drain");
            assertThat(first.text("detail")).contains("WRITE_DRAIN is on");
            assertThat(flags.anonymous.get("/api/dreams").status()).isEqualTo(200);
            assertThat(flags.flags().at("/state/writeDrain").asBoolean()).isTrue();
            assertThat(flags.adminPost("/brownout/enable", "{\"reason\": \"while draining\"}").status()).isEqualTo(200);

            assertThat(flags.adminPost("/write-drain/disable", "").status()).isEqualTo(200);

            assertThat(flags.createDream("after the drain")).isPositive();
        }
    }

    private interface Step {
        void run(int n);
    }

    private static void loop(CountDownLatch start, CountDownLatch done, long end, AtomicReference<Throwable> failure,
                             Step step) {
        try {
            start.await();
            for (int n = 0; System.nanoTime() < end && failure.get() == null; n++) {
                step.run(n);
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        } finally {
            done.countDown();
        }
    }
}
