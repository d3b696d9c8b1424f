package dev.dreamnet.runtime.kinds;

import dev.dreamnet.core.startup.Component;
import dev.dreamnet.core.startup.ComponentResolver;
import dev.dreamnet.core.startup.GraphProblem;
import dev.dreamnet.core.startup.ServiceSpec;
import dev.dreamnet.core.startup.StartupGraph;
import dev.dreamnet.core.text.DidYouMean;
import dev.dreamnet.core.time.Clock;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Resolves a service's {@code kind} to a component: the built-in kinds ({@code database},
 * {@code migrations}, {@code http}, {@code tcp}) and application components registered by name. Remembers the
 * component made for each service so the application can reach it (the database pool, say).
 * Thread-safe.
 */
public final class Kinds implements ComponentResolver {

    /** The built-in kind of the service whose pool other kinds use. */
    public static final String DATABASE = "database";

    private final Map<String, Function<ServiceSpec, Component>> factories = new TreeMap<>();
    private final Map<String, Component> byService = new ConcurrentHashMap<>();
    private final Set<String> onDatabase = new TreeSet<>(); // guarded by this

    private Kinds() {
    }

    /** The built-in kinds; the {@code database} kind connects to {@code jdbcUrl}. */
    public static Kinds builtIn(String jdbcUrl) {
        Kinds kinds = new Kinds();
        kinds.register(DATABASE, spec -> database(spec, jdbcUrl));
        kinds.register("migrations", spec -> migrations(spec, kinds)).needDatabase(List.of("migrations"));
        kinds.register("http", Kinds::http);
        kinds.register("tcp", Kinds::tcp);
        return kinds;
    }

    /** Registers an application component (or another kind) under {@code kind}. */
    public synchronized Kinds register(String kind, Function<ServiceSpec, Component> factory) {
        if (factories.putIfAbsent(kind, factory) != null) {
            throw new IllegalArgumentException("kind \"" + kind + "\" is already registered");
        }
        return this;
    }

    /** Marks {@code kinds} as using the pool of the graph's {@code database} service (see {@link #missingDatabase}). */
    public synchronized Kinds needDatabase(Collection<String> kinds) {
        onDatabase.addAll(kinds);
        return this;
    }

    /**
     * The problem of a graph with services whose kinds need a {@code database} service (the built-in
     * {@code migrations}, say) and no service of that kind, which would fail only once started; empty otherwise.
     */
    public synchronized Optional<GraphProblem> missingDatabase(StartupGraph graph) {
        List<String> needing = graph.services().stream().filter(s -> onDatabase.contains(s.kind()))
                .map(ServiceSpec::name).toList();
        boolean hasDatabase = graph.services().stream().anyMatch(s -> s.kind().equals(DATABASE));
        return hasDatabase || needing.isEmpty() ? Optional.empty() : Optional.of(new GraphProblem(graph.source(), null,
                "services", "no service of kind \"database\"; these services need its connection pool: "
                        + String.join(", ", needing)));
    }

    /** Whether a component is registered under {@code kind}. */
    public synchronized boolean knows(String kind) {
        return factories.containsKey(kind);
    }

    /** Every kind registered, in name order. */
    public synchronized List<String> known() {
        return List.copyOf(factories.keySet());
    }

    @Override
    public synchronized Component resolve(ServiceSpec service) {
        Function<ServiceSpec, Component> factory = factories.get(service.kind());
        if (factory == null) {
            throw new IllegalArgumentException("unknown kind \"" + service.kind() + "\"" + suggestion(service.kind())
                    + "; known kinds: " + String.join(", ", factories.keySet()));
        }
        Component component = factory.apply(service);
        byService.put(service.name(), component);
        return component;
    }

    /** The component made for {@code service}, if it was resolved and is of {@code type}. */
    public <T> Optional<T> component(String service, Class<T> type) {
        return Optional.ofNullable(byService.get(service)).filter(type::isInstance).map(type::cast);
    }

    /** The first component of {@code type} made for any service. */
    public <T> Optional<T> first(Class<T> type) {
        return byService.values().stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    private String suggestion(String kind) {
        return DidYouMean.suggest(kind, factories.keySet());
    }

    private static Component database(ServiceSpec spec, String jdbcUrl) {
        Settings settings = new Settings(spec, Set.of("query", "timeout"));
        return new DatabaseComponent(jdbcUrl, settings.readQuery("query", "SELECT 1"),
                settings.duration("timeout", Duration.ofSeconds(2)));
    }

    private static Component migrations(ServiceSpec spec, Kinds kinds) {
        Settings settings = new Settings(spec, Set.of("location"));
        Supplier<DataSource> dataSource = () -> kinds.first(DatabaseComponent.class)
                .orElseThrow(() -> new IllegalStateException("kind \"migrations\" needs a service of kind \"database\""))
                .dataSource();
        return new MigrationsComponent(dataSource,
                MigrationsComponent.source(settings.string("location", MigrationsComponent.BUILT_IN_LOCATION)),
                Clock.system(), spec.startTimeout());
    }

    private static Component http(ServiceSpec spec) {
        Settings settings = new Settings(spec, Set.of("url", "expectStatus", "timeout"));
        URI url;
        try {
            url = URI.create(settings.string("url", null));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("readiness.url is not a valid URL: " + e.getMessage());
        }
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("readiness.url must start with http:// or https://, was " + url);
        }
        return new HttpCheckComponent(url, settings.integer("expectStatus", 200, 100, 599),
                settings.duration("timeout", Duration.ofSeconds(2)));
    }

    private static Component tcp(ServiceSpec spec) {
        Settings settings = new Settings(spec, Set.of("host", "port", "timeout"));
        return new TcpCheckComponent(settings.string("host", null), settings.integer("port", null, 1, 65535),
                settings.duration("timeout", Duration.ofSeconds(2)));
    }
}
