package dev.dreamnet.testing;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A virtual host of its own on the machine's real RabbitMQ (127.0.0.1:5672, guest/guest), made with
 * {@code rabbitmqctl} for one test class and deleted by {@link #close()}.
 */
public final class RabbitTestVhost implements AutoCloseable {

    private final String name;

    private RabbitTestVhost(String name) {
        this.name = name;
    }

    /** Creates {@code <prefix>_<random>} and gives guest every permission on it. */
    public static RabbitTestVhost create(String prefix) throws IOException, InterruptedException {
        String name = prefix + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        rabbitmqctl("add_vhost", name);
        rabbitmqctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return new RabbitTestVhost(name);
    }

    public String name() {
        return name;
    }

    /** {@code amqp://guest:guest@127.0.0.1:5672/<vhost>}. */
    public String uri() {
        return "amqp://guest:guest@127.0.0.1:5672/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        rabbitmqctl("delete_vhost", name);
    }

    private static void rabbitmqctl(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "rabbitmqctl";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("rabbitmqctl " + String.join(" ", args) + " failed: " + output.strip());
        }
    }
}
