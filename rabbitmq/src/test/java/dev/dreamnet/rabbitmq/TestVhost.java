package dev.dreamnet.rabbitmq;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A RabbitMQ virtual host of its own for one test class, {@code dn_<random>}, made and deleted with
 * {@code rabbitmqctl} so that parallel runs never share a queue. Not thread-safe.
 */
final class TestVhost implements AutoCloseable {

    private final String name;

    private TestVhost(String name) {
        this.name = name;
    }

    static TestVhost create() throws IOException, InterruptedException {
        TestVhost vhost = new TestVhost("dn_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT));
        rabbitmqctl("add_vhost", vhost.name);
        rabbitmqctl("set_permissions", "-p", vhost.name, "guest", ".*", ".*", ".*");
        return vhost;
    }

    URI uri() {
        return URI.create("amqp://guest:guest@127.0.0.1:5672/" + name);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        rabbitmqctl("delete_vhost", name);
    }

    private static void rabbitmqctl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("rabbitmqctl", "-q"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
    }
}
