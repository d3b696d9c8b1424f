package dev.dreamnet.bench.queue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dreamnet.core.queue.PollOutcome;
import dev.dreamnet.core.queue.QueueBackend;
import dev.dreamnet.core.queue.QueueSpec;
import dev.dreamnet.core.queue.QueueType;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.jdbc.DurableUrls;
import dev.dreamnet.jdbc.queue.DatabaseQueueBackend;
import dev.dreamnet.rabbitmq.RabbitQueueBackend;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Queue throughput, messages per second: publish N messages (in batches of 100), then drain them
 * with two consumer threads polling one message at a time, each acknowledged. The embedded queue
 * on an H2 file and on PostgreSQL, and RabbitMQ classic and quorum queues for comparison, in one
 * run. Each backend gets a database or virtual host of its own, removed afterwards.
 * Run: {@code java -cp bench/target/benchmarks.jar dev.dreamnet.bench.queue.QueueThroughput [N] [rounds]
 * [h2,postgres,classic,quorum]}.
 */
public final class QueueThroughput {

    private static final int BATCH = 100;
    private static final int CONSUMERS = 2;

    private QueueThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.printf("%d messages of 64 bytes, %d consumer threads, median of %d rounds%n", messages, CONSUMERS, rounds);
        List<String> only = List.of((args.length > 2 ? args[2] : "h2,postgres,classic,quorum").split(","));
        if (only.contains("h2")) {
            h2(messages, rounds);
        }
        if (only.contains("postgres")) {
            postgres(messages, rounds);
        }
        if (only.contains("classic")) {
            rabbit(messages, rounds, QueueType.CLASSIC);
        }
        if (only.contains("quorum")) {
            rabbit(messages, rounds, QueueType.QUORUM);
        }
    }

    private static void h2(int messages, int rounds) throws Exception {
        Path dir = Files.createTempDirectory("dn-queue-bench");
        try (HikariDataSource pool = pool(DurableUrls.durableOnCommit("jdbc:h2:file:" + dir.resolve("queues")), "sa")) {
            report("embedded, H2 file", DatabaseQueueBackend.create(pool, Clock.system()), messages, rounds);
        }
    }

    private static void postgres(int messages, int rounds) throws Exception {
        String name = "q_bench_" + Long.toHexString(System.nanoTime());
        admin("CREATE DATABASE " + name);
        try (HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres")) {
            report("embedded, PostgreSQL", DatabaseQueueBackend.create(pool, Clock.system()), messages, rounds);
        } finally {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void rabbit(int messages, int rounds, QueueType type) throws Exception {
        String vhost = "dn_bench_" + Long.toHexString(System.nanoTime());
        rabbitmqctl("add_vhost", vhost);
        rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
        try (QueueBackend backend = RabbitQueueBackend.connect(URI.create("amqp://guest:guest@127.0.0.1:5672/" + vhost),
                Clock.system())) {
            report("RabbitMQ " + type.label(), backend, messages, rounds, type);
        } finally {
            rabbitmqctl("delete_vhost", vhost);
        }
    }

    private static void report(String label, QueueBackend backend, int messages, int rounds) throws Exception {
        report(label, backend, messages, rounds, QueueType.CLASSIC);
    }

    private static void report(String label, QueueBackend backend, int messages, int rounds, QueueType type)
            throws Exception {
        double[] publish = new double[rounds];
        double[] consume = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            QueueSpec spec = QueueSpec.builder("bench-" + round + "-" + System.nanoTime()).type(type).build();
            backend.declare(spec);
            long start = System.nanoTime();
            publishAll(backend, spec.name(), messages);
            publish[round] = messages / seconds(start);
            start = System.nanoTime();
            drain(backend, spec.name(), messages);
            consume[round] = messages / seconds(start);
        }
        Arrays.sort(publish);
        Arrays.sort(consume);
        System.out.printf("%-22s publish %,9.0f msg/s   consume (2 threads) %,9.0f msg/s   [consume min %,.0f max %,.0f]%n",
                label, publish[rounds / 2], consume[rounds / 2], consume[0], consume[rounds - 1]);
    }

    private static void publishAll(QueueBackend backend, String queue, int messages) {
        List<byte[]> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < messages; i++) {
            batch.add(String.format("%064d", i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (batch.size() == BATCH || i == messages - 1) {
                backend.publishAll(queue, batch);
                batch.clear();
            }
        }
    }

    private static void drain(QueueBackend backend, String queue, int messages) throws InterruptedException {
        AtomicInteger acked = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(CONSUMERS);
        for (int t = 0; t < CONSUMERS; t++) {
            Thread consumer = new Thread(() -> {
                try {
                    while (acked.get() < messages && failure.get() == null) {
                        if (backend.poll(queue, message -> acked.incrementAndGet()) == PollOutcome.EMPTY) {
                            Thread.onSpinWait();
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "consumer-" + t);
            consumer.start();
        }
        if (!done.await(10, TimeUnit.MINUTES) || failure.get() != null) {
            throw new IllegalStateException("drain failed after " + acked.get() + " messages", failure.get());
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static HikariDataSource pool(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                "postgres", ""); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void rabbitmqctl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }
}
