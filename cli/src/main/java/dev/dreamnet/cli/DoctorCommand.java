package dev.dreamnet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dreamnet.config.resilience.ResilienceSettings;
import dev.dreamnet.config.resilience.ServiceSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dreamnet doctor}: checks a deployment's configuration files and that what they name can be
 * reached, printing one {@code [ok]} or {@code [FAIL]} line per check. Exit 0 when all pass, 1 otherwise.
 * Options mirror {@code dreamnet serve}.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check the configuration files and that the database, broker, provider and server they name "
                + "can be reached. Exit 0 when every check passes, 1 when any fails.")
final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--graph", defaultValue = DagCommand.DEFAULT_GRAPH, description = "Startup graph (default: ${DEFAULT-VALUE}).")
    Path graph;

    @Option(names = "--flags", paramLabel = "FILE", description = "Feature flags (default: config/feature-flags.yaml if it exists).")
    Path flags;

    @Option(names = "--resilience", paramLabel = "FILE", description = "Breakers and retries (default: config/resilience.yaml if it exists).")
    Path resilience;

    @Option(names = "--queues", paramLabel = "FILE", description = "Queues (default: config/queues.yaml if it exists).")
    Path queues;

    @Option(names = "--overload", paramLabel = "FILE", description = "Overload protection (default: config/overload.yaml if it exists).")
    Path overload;

    @Option(names = "--slos", paramLabel = "FILE", description = "Service level objectives (default: config/slos.yaml if it exists).")
    Path slos;

    @Option(names = "--db", paramLabel = "URL", description = "JDBC URL of the database (default: embedded H2 under --data-dir).")
    String db;

    @Option(names = "--queue", paramLabel = "URI", description = "RabbitMQ URI to check, e.g. amqp://guest:guest@127.0.0.1:5672/%%2F.")
    String queue;

    @Option(names = "--data-dir", defaultValue = "data", description = "Embedded database and state (default: ./${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--tokens-file", paramLabel = "FILE", defaultValue = "${env:DREAMNET_ADMIN_TOKENS_FILE}",
            description = "Admin token file (default: $DREAMNET_ADMIN_TOKENS_FILE).")
    Path tokensFile;

    @Option(names = "--url", paramLabel = "URL", description = "Also check a running server's /health/ready "
            + "(a Spring Boot actuator URL, http://host:8080/actuator: its /health/readiness).")
    String url;

    @Option(names = "--json", description = "Print the checks as JSON.")
    boolean json;

    @Override
    public Integer call() {
        List<DoctorCheck> checks = checks();
        PrintWriter out = spec.commandLine().getOut();
        long failed = checks.stream().filter(c -> !c.ok()).count();
        if (json) {
            out.println(toJson(checks).toPrettyString());
        } else {
            checks.forEach(c -> out.println(c.line()));
            out.println(failed == 0 ? "all " + checks.size() + " checks passed" : failed + " of " + checks.size() + " checks failed");
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.CONFIG;
    }

    private List<DoctorCheck> checks() {
        List<DoctorCheck> checks = new ArrayList<>();
        checks.add(DoctorFiles.graph(graph));
        checks.add(DoctorFiles.flags(orDefault(flags, ServeCommand.DEFAULT_FLAGS)));
        Map.Entry<DoctorCheck, ResilienceSettings> resilienceCheck =
                DoctorFiles.resilience(orDefault(resilience, ServeCommand.DEFAULT_RESILIENCE));
        checks.add(resilienceCheck.getKey());
        checks.addAll(DoctorFiles.queues(orDefault(queues, ServeCommand.DEFAULT_QUEUES)));
        checks.add(DoctorFiles.overload(orDefault(overload, ServeCommand.DEFAULT_OVERLOAD)));
        checks.add(DoctorFiles.slos(orDefault(slos, ServeCommand.DEFAULT_SLOS)));
        checks.add(DoctorFiles.adminToken(System.getenv("DREAMNET_ADMIN_TOKENS"), tokensFile));
        checks.add(DoctorReach.database(db, dataDir));
        if (queue != null) {
            checks.add(DoctorReach.broker(queue));
        }
        ServiceSettings provider = resilienceCheck.getValue().services().get("provider");
        if (provider != null && provider.baseUrl().isPresent()) {
            checks.add(DoctorReach.provider(provider.baseUrl().get()));
        }
        if (url != null) {
            checks.add(DoctorReach.server(url));
        }
        return checks;
    }

    private static Path orDefault(Path given, Path fallback) {
        return given != null ? given : fallback.toFile().isFile() ? fallback : null;
    }

    private static ObjectNode toJson(List<DoctorCheck> checks) {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("ok", checks.stream().allMatch(DoctorCheck::ok));
        ArrayNode list = root.putArray("checks");
        checks.forEach(c -> list.addObject().put("subject", c.subject()).put("ok", c.ok()).put("detail", c.detail()));
        return root;
    }
}
