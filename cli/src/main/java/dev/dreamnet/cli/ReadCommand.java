package dev.dreamnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A client command that reads one endpoint and prints it for people, or as it is with {@code --json};
 * failures are one line and an exit code ({@link Client#run}).
 */
abstract class ReadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions client;

    /** The endpoint, relative to the server's URL. */
    abstract String path();

    /** The fields its answer always has, from the Javalin plugin and the actuator alike ({@link ApiClient#get}). */
    abstract List<String> fields();

    abstract void print(JsonNode body, PrintWriter out);

    @Override
    public Integer call() {
        return Client.run(spec, () -> {
            JsonNode body = client.client().get(path(), fields());
            if (client.json) {
                return body;
            }
            print(body, spec.commandLine().getOut());
            return null;
        });
    }
}
