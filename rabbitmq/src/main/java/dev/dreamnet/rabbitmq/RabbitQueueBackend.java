package dev.dreamnet.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import dev.dreamnet.core.queue.DeadLetter;
import dev.dreamnet.core.queue.DeclareOutcome;
import dev.dreamnet.core.queue.ErrorText;
import dev.dreamnet.core.queue.MessageHandler;
import dev.dreamnet.core.queue.PollOutcome;
import dev.dreamnet.core.queue.QueueBackend;
import dev.dreamnet.core.queue.QueueException;
import dev.dreamnet.core.queue.QueueMessage;
import dev.dreamnet.core.queue.QueueSpec;
import dev.dreamnet.core.queue.QueueStats;
import dev.dreamnet.core.queue.UnknownQueueException;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.rabbitmq.internal.Broker;
import dev.dreamnet.rabbitmq.internal.Declarer;
import dev.dreamnet.rabbitmq.internal.Headers;
import dev.dreamnet.rabbitmq.internal.PooledChannel;
import dev.dreamnet.rabbitmq.internal.Topology;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The RabbitMQ backend, for fleets: durable classic or quorum queues, each with a dead-letter
 * queue behind the {@code dreamnet.dlx} exchange and a retry queue whose message TTL is the
 * redelivery delay. A failed attempt is republished to the retry queue with its attempt count and
 * error in headers (publisher-confirmed before the original is acknowledged); the last one goes to
 * the dead-letter queue the same way. Thread-safe; a call that finds the broker unreachable throws
 * {@link dev.dreamnet.core.queue.QueueUnavailableException} and the next call reconnects.
 */
public final class RabbitQueueBackend implements QueueBackend {

    /** How long one wait on the broker may last unless told otherwise. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);

    private final Broker broker;
    private final Clock clock;
    private final Map<String, QueueSpec> specs = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> deadLettered = new ConcurrentHashMap<>();

    private RabbitQueueBackend(Broker broker, Clock clock) {
        this.broker = broker;
        this.clock = clock;
    }

    /** As {@link #connect(URI, Clock, Duration)} with {@link #DEFAULT_CALL_TIMEOUT}. */
    public static RabbitQueueBackend connect(URI uri, Clock clock) {
        return connect(uri, clock, DEFAULT_CALL_TIMEOUT);
    }

    /**
     * Connects to the broker at {@code uri} ({@code amqp://user:password@host:5672/vhost}). No wait
     * on the broker (connecting, any request, a publisher confirm) lasts longer than {@code callTimeout}:
     * a broker that stops answering without closing the connection (a black hole) fails the call
     * with {@link dev.dreamnet.core.queue.QueueUnavailableException} and drops the connection.
     *
     * @throws IllegalArgumentException if the URI is not an AMQP URI, or the timeout is not positive
     * @throws dev.dreamnet.core.queue.QueueUnavailableException if the broker cannot be reached
     */
    public static RabbitQueueBackend connect(URI uri, Clock clock, Duration callTimeout) {
        Objects.requireNonNull(uri, "uri must not be null");
        Objects.requireNonNull(clock, "clock must not be null");
        Broker broker = new Broker(uri, callTimeout);
        broker.withChannel("connecting", channel -> null);
        return new RabbitQueueBackend(broker, clock);
    }

    @Override
    public DeclareOutcome declare(QueueSpec spec) {
        DeclareOutcome outcome = Declarer.declare(broker, spec);
        specs.put(spec.name(), spec);
        return outcome;
    }

    @Override
    public void publish(String queue, byte[] payload) {
        publishAll(queue, List.of(payload));
    }

    @Override
    public void publishAll(String queue, List<byte[]> payloads) {
        String name = spec(queue).name();
        broker.withChannel("publishing to queue \"" + name + "\"", channel -> {
            for (byte[] payload : payloads) {
                channel.send(name, properties(), payload);
            }
            channel.confirm();
            return null;
        });
    }

    @Override
    public PollOutcome poll(String queue, MessageHandler handler) {
        QueueSpec spec = spec(queue);
        AtomicLong held = inFlight.computeIfAbsent(spec.name(), name -> new AtomicLong());
        return broker.withChannel("polling queue \"" + spec.name() + "\"", channel -> {
            GetResponse response = channel.channel().basicGet(spec.name(), false);
            if (response == null) {
                return PollOutcome.EMPTY;
            }
            held.incrementAndGet();
            try {
                return handle(channel, spec, response, handler);
            } finally {
                held.decrementAndGet();
            }
        });
    }

    private PollOutcome handle(PooledChannel channel, QueueSpec spec, GetResponse response, MessageHandler handler)
            throws IOException, TimeoutException, InterruptedException {
        int attempt = Headers.attempt(response);
        if (attempt > spec.maxAttempts()) {
            return deadLetter(channel, spec, response, attempt - 1, "delivered " + (attempt - 1)
                    + " times without an outcome: its consumers died or lost their connection");
        }
        try {
            handler.handle(new QueueMessage(Headers.id(response), spec.name(), response.getBody(), attempt));
        } catch (Exception e) {
            return attempt >= spec.maxAttempts() ? deadLetter(channel, spec, response, attempt, ErrorText.of(e))
                    : retry(channel, spec, response, attempt, ErrorText.of(e));
        }
        channel.channel().basicAck(response.getEnvelope().getDeliveryTag(), false);
        return PollOutcome.ACKED;
    }

    private PollOutcome retry(PooledChannel channel, QueueSpec spec, GetResponse response, int attempt, String error)
            throws IOException, TimeoutException, InterruptedException {
        channel.publish(Topology.retryQueue(spec), Headers.next(response.getProps(), attempt, error, Map.of()),
                response.getBody());
        channel.channel().basicAck(response.getEnvelope().getDeliveryTag(), false);
        return PollOutcome.RETRYING;
    }

    private PollOutcome deadLetter(PooledChannel channel, QueueSpec spec, GetResponse response, int attempts,
                                   String error) throws IOException, TimeoutException, InterruptedException {
        channel.publish(spec.deadLetterQueue(), Headers.next(response.getProps(), attempts, error,
                Map.of(Headers.QUEUE, spec.name(), Headers.DEAD_LETTERED_AT, clock.wallMillis())), response.getBody());
        channel.channel().basicAck(response.getEnvelope().getDeliveryTag(), false);
        deadLettered.computeIfAbsent(spec.name(), name -> new AtomicLong()).incrementAndGet();
        return PollOutcome.DEAD_LETTERED;
    }

    @Override
    public QueueStats stats(String queue) {
        QueueSpec spec = spec(queue);
        return new QueueStats(spec.name(), depth(spec.name()), depth(Topology.retryQueue(spec)),
                counter(inFlight, spec.name()), depth(spec.deadLetterQueue()), counter(deadLettered, spec.name()));
    }

    @Override
    public List<DeadLetter> deadLetters(String queue, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        QueueSpec spec = spec(queue);
        // Unacknowledged gets return to the queue when the fresh channel closes: a look, not a take.
        return broker.withFreshChannel("reading the dead letters of queue \"" + spec.name() + "\"", channel -> {
            List<DeadLetter> letters = new ArrayList<>();
            for (int i = 0; i < limit; i++) {
                GetResponse response = channel.channel().basicGet(spec.deadLetterQueue(), false);
                if (response == null) {
                    break;
                }
                AMQP.BasicProperties properties = response.getProps();
                if (Headers.origin(properties).equals(spec.name())) {
                    letters.add(new DeadLetter(Headers.id(response), spec.name(), response.getBody(),
                            Headers.attempts(properties), Headers.lastError(properties), Headers.deadLetteredAt(properties)));
                }
            }
            return letters;
        });
    }

    @Override
    public String describe() {
        return Declarer.HELD_IN;
    }

    @Override
    public void close() {
        broker.close();
    }

    private long depth(String queue) {
        return Declarer.depth(broker, queue).orElseThrow(() -> new QueueException("RabbitMQ at " + broker.address()
                + ": queue \"" + queue + "\" does not exist in the broker; it was deleted after it was declared"));
    }

    private QueueSpec spec(String queue) {
        QueueSpec spec = specs.get(queue);
        if (spec == null) {
            throw new UnknownQueueException(queue, specs.keySet());
        }
        return spec;
    }

    private static long counter(Map<String, AtomicLong> counters, String queue) {
        AtomicLong counter = counters.get(queue);
        return counter == null ? 0 : counter.get();
    }

    private AMQP.BasicProperties properties() {
        return new AMQP.BasicProperties.Builder().deliveryMode(2).messageId(UUID.randomUUID().toString())
                .timestamp(new java.util.Date(clock.wallMillis())).build();
    }
}
