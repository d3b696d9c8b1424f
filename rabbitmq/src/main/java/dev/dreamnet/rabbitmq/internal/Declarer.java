package dev.dreamnet.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import dev.dreamnet.core.queue.DeclareOutcome;
import dev.dreamnet.core.queue.QueueDriftException;
import dev.dreamnet.core.queue.QueueSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Declares a queue's broker objects without ever changing an existing one. Each existing queue is
 * first compared with what would be declared: the broker answers a differing declaration with
 * 406 PRECONDITION_FAILED naming one argument, so the comparison declares again with the broker's
 * own value for it until the declaration matches (a no-op), collecting every difference. Only when
 * there is none are the missing objects created. Stateless.
 */
public final class Declarer {

    /** Where drift errors say the held settings are. */
    public static final String HELD_IN = "the broker";
    private static final int NOT_FOUND = 404;
    private static final int MAX_PROBES = 10;

    private Declarer() {
    }

    public static DeclareOutcome declare(Broker broker, QueueSpec spec) {
        Map<String, Map<String, Object>> queues = new LinkedHashMap<>();
        queues.put(spec.name(), Topology.workArguments(spec));
        queues.put(Topology.retryQueue(spec), Topology.retryArguments(spec));
        queues.put(spec.deadLetterQueue(), Topology.deadLetterArguments(spec));
        List<QueueDriftException.Difference> differences = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        queues.forEach((queue, arguments) -> {
            if (exists(broker, queue)) {
                compare(broker, queue, arguments).forEach(found -> differences.add(Topology.difference(spec, queue, found)));
            } else {
                missing.add(queue);
            }
        });
        if (!differences.isEmpty()) {
            throw new QueueDriftException(spec.name(), HELD_IN, "the declaration", differences);
        }
        broker.withFreshChannel("declaring queue \"" + spec.name() + "\"", pooled -> {
            Channel channel = pooled.channel();
            channel.exchangeDeclare(Topology.DLX, BuiltinExchangeType.DIRECT, true);
            for (String queue : missing) {
                channel.queueDeclare(queue, true, false, false, queues.get(queue));
            }
            channel.queueBind(spec.deadLetterQueue(), Topology.DLX, spec.deadLetterQueue());
            return null;
        });
        return missing.isEmpty() ? DeclareOutcome.UNCHANGED : DeclareOutcome.CREATED;
    }

    /** Whether {@code queue} exists; a passive declaration of a missing queue closes its channel with 404. */
    public static boolean exists(Broker broker, String queue) {
        return depth(broker, queue).isPresent();
    }

    /** The ready messages of {@code queue}, or empty if it does not exist. */
    public static Optional<Long> depth(Broker broker, String queue) {
        Channel channel = broker.open("looking up queue \"" + queue + "\"");
        try {
            AMQP.Queue.DeclareOk ok = channel.queueDeclarePassive(queue);
            close(channel);
            return Optional.of((long) ok.getMessageCount());
        } catch (IOException e) {
            if (e.getCause() instanceof ShutdownSignalException signal && !signal.isHardError()
                    && signal.getReason() instanceof AMQP.Channel.Close close && close.getReplyCode() == NOT_FOUND) {
                return Optional.empty();
            }
            throw broker.translate("looking up queue \"" + queue + "\"", e);
        }
    }

    private static List<Inequivalence> compare(Broker broker, String queue, Map<String, Object> declared) {
        Map<String, Object> arguments = new HashMap<>(declared);
        List<Inequivalence> found = new ArrayList<>();
        for (int probe = 0; probe < MAX_PROBES; probe++) {
            Channel channel = broker.open("comparing queue \"" + queue + "\"");
            try {
                channel.queueDeclare(queue, true, false, false, arguments);
                close(channel);
                return found;
            } catch (IOException e) {
                Optional<Inequivalence> difference = e.getCause() instanceof ShutdownSignalException signal
                        ? Inequivalence.of(signal) : Optional.empty();
                if (difference.isEmpty()) {
                    throw broker.translate("comparing queue \"" + queue + "\"", e);
                }
                found.add(difference.get());
                if (!adopt(arguments, difference.get())) {
                    return found;
                }
            }
        }
        return found;
    }

    /** Takes the broker's value of the differing argument, so the next probe finds the next difference. */
    private static boolean adopt(Map<String, Object> arguments, Inequivalence difference) {
        String argument = difference.argument();
        if (Inequivalence.CUT_OFF.equals(difference.held())) {
            return false;
        }
        if (difference.held() == null) {
            arguments.remove(argument);
            return true;
        }
        Object ours = arguments.get(argument);
        String type = difference.heldType();
        try {
            if ("signedint".equals(type) || type == null && ours instanceof Integer) {
                arguments.put(argument, Integer.parseInt(difference.held()));
            } else if ("long".equals(type) || type == null && ours instanceof Long) {
                arguments.put(argument, Long.parseLong(difference.held()));
            } else if ("longstr".equals(type) || type == null && ours instanceof String) {
                arguments.put(argument, difference.held());
            } else {
                return false;
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void close(Channel channel) {
        try {
            channel.close();
        } catch (IOException | java.util.concurrent.TimeoutException | com.rabbitmq.client.AlreadyClosedException e) {
            // Only a probe's channel; nothing depends on it.
        }
    }
}
