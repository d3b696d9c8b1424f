package dev.dreamnet.reference.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@code graph.json} written by a test, service by service. Not thread-safe. */
public final class GraphJson {

    private final List<Service> services = new ArrayList<>();

    private GraphJson(List<Service> services) {
        this.services.addAll(services);
    }

    public static GraphJson of(Service... services) {
        return new GraphJson(Arrays.asList(services));
    }

    /** The reference service, database -> migrations -> core -> api, with {@code extra} services added. */
    public static GraphJson reference(Service... extra) {
        GraphJson graph = of(service("database").kind("database").readiness("query", "SELECT 1"),
                service("migrations").dependsOn("database"), service("core").dependsOn("migrations"),
                service("api").dependsOn("core"));
        graph.services.addAll(Arrays.asList(extra));
        return graph;
    }

    public static Service service(String name) {
        return new Service(name);
    }

    /** Writes the file as {@code dir/graph.json} and returns its path. */
    public Path writeTo(Path dir) throws IOException {
        List<Map<String, Object>> entries = services.stream().map(s -> s.fields).toList();
        Path file = dir.resolve("graph.json");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), Map.of("services", entries));
        return file;
    }

    /** One entry of {@code services}. */
    public static final class Service {
        private final Map<String, Object> fields = new LinkedHashMap<>();
        private final Map<String, Object> readiness = new LinkedHashMap<>();

        private Service(String name) {
            fields.put("name", name);
        }

        public Service dependsOn(String... names) {
            fields.put("dependsOn", List.of(names));
            return this;
        }

        public Service kind(String kind) {
            fields.put("kind", kind);
            return this;
        }

        public Service critical(boolean critical) {
            fields.put("critical", critical);
            return this;
        }

        public Service retries(int retries) {
            fields.put("retries", retries);
            return this;
        }

        public Service startTimeout(String timeout) {
            fields.put("startTimeout", timeout);
            return this;
        }

        public Service readiness(String setting, Object value) {
            readiness.put(setting, value);
            fields.put("readiness", readiness);
            return this;
        }
    }
}
