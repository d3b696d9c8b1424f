package dev.dreamnet.javalin.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dreamnet.config.overload.OverloadConfig;
import dev.dreamnet.core.overload.AdaptiveLimitConfig;
import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.javalin.DreamNetPlugin;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.overload.AutomaticBrownout;
import dev.dreamnet.testing.PostgresTestDatabase;
import dev.dreamnet.testing.TcpProxy;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fault test: the database slows tenfold under steady load. A Javalin app embedding DreamNet serves a CRITICAL write
 * (an INSERT, 201 with the row's id) and DEFAULT and SHEDDABLE reads, each a query on the real PostgreSQL through a
 * HikariCP pool and a {@link TcpProxy}; nine client threads keep it busy. When the proxy starts delaying every
 * packet, the adaptive limit falls, SHEDDABLE requests are refused first, and automatic brownout turns on through the
 * flags' mode (audited as {@code dreamnet (automatic)} with its evidence); once the proxy is restored it turns off
 * again. Every write answered 201 is in the table afterwards. Waits have generous deadlines; nothing here times
 * anything.
 */
class SlowDatabaseOverloadTest {

    private static final String TOKEN = "slow-database-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A read's query takes 20 ms in the database, so that a request's time is mostly the database's, not the CPU's. */
    private static final String READ_SQL = "SELECT count(*) FROM writes, pg_sleep(0.02)";
    /** Each way: a read's 20 ms round trip to the database becomes about 200 ms, as if the database slowed tenfold. */
    private static final Duration FAULT = Duration.ofMillis(90);
    private static final int THREADS_PER_CLASS = 3;
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private PostgresTestDatabase database;
    private TcpProxy proxy;
    private HikariDataSource pool;
    private DreamNet dreamnet;
    private Javalin app;
    private final List<Thread> load = new ArrayList<>();
    private volatile boolean stopLoad;

    /** What the clients saw: ids answered 201, refusals in the order they came, anything unexpected. */
    private final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicLong refusals = new AtomicLong();
    private final Map<Criticality, AtomicLong> refusedBefore = new ConcurrentHashMap<>();
    private final AtomicLong firstCriticalRefusal = new AtomicLong(Long.MAX_VALUE);
    private final AtomicReference<String> unexpected = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        database = PostgresTestDatabase.create("slow_database");
        try (Connection c = java.sql.DriverManager.getConnection(database.jdbcUrl());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE writes (id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL)");
        }
        proxy = TcpProxy.to("127.0.0.1", 5432);
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database.name() + "?user=postgres");
        hikari.setMaximumPoolSize(12);
        hikari.setConnectionTimeout(30_000);
        pool = new HikariDataSource(hikari);

        // The baseline is the mean of every window so far (longWindow is never reached), so it stays that of steady
        // load for a while; a window needs 20 samples, so the slow fault closes windows more slowly than steady load.
        AdaptiveLimitConfig limit = AdaptiveLimitConfig.builder().initialLimit(16).minLimit(1).maxLimit(16)
                .smoothing(1.0).longWindow(100_000).sampleWindow(Duration.ofMillis(100)).minSamples(20).build();
        dreamnet = DreamNet.builder().environment(Map.of("DREAMNET_ADMIN_TOKENS", TOKEN))
                .database("jdbc:h2:mem:slow_database_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .overload(OverloadConfig.builder().limit(limit)
                        .route("POST /api/writes", Criticality.CRITICAL)
                        .route("GET /api/count", Criticality.DEFAULT)
                        .route("GET /api/recent", Criticality.SHEDDABLE)
                        .brownout(new OverloadConfig.AutoBrownout(true, Duration.ofSeconds(2), Duration.ofSeconds(3),
                                Map.of(), false))
                        .build())
                .build();
        app = Javalin.create(config -> {
            config.registerPlugin(new DreamNetPlugin(dreamnet, plugin -> plugin.prefix = "/ops"));
            config.routes.post("/api/writes", this::write);
            config.routes.get("/api/count", this::read);
            config.routes.get("/api/recent", this::read);
        }).start("127.0.0.1", 0);
        dreamnet.start();
        dreamnet.started().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        stopLoad = true;
        for (Thread thread : load) {
            thread.join(TimeUnit.SECONDS.toMillis(40));
        }
        if (app != null) {
            app.stop();
        }
        if (dreamnet != null) {
            dreamnet.shutdown();
        }
        if (pool != null) {
            pool.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theLimitFallsSheddableWorkGoesFirstAutomaticBrownoutComesAndGoesAndNoAcknowledgedWriteIsLost()
            throws Exception {
        startLoad();
        long warmUpEnds = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        await("a latency baseline from steady load").atMost(DEADLINE)
                .until(() -> System.nanoTime() > warmUpEnds && overload().get("admitted").asLong() >= 1200);
        int before = overload().get("limit").asInt();
        assertThat(before).as("the limit under steady load").isGreaterThan(8);

        proxy.delay(FAULT);

        await("the limit falls below " + before).atMost(DEADLINE).until(() -> overload().get("limit").asInt() < before);
        await("automatic brownout on").atMost(DEADLINE)
                .until(() -> overload().get("automaticBrownout").get("state").asText().equals("BROWNOUT"));
        assertThat(get("/ops/api/integration-flags").get("state").get("mode").asText()).isEqualTo("BROWNOUT");
        assertThat(get("/ops/api/observability/summary").get("attention").toString())
                .contains("automatic brownout (mode)");
        JsonNode entered = automaticAudit();
        assertThat(entered.get("after").asText()).contains("BROWNOUT");
        assertThat(entered.get("reason").asText()).startsWith("overloaded for 2 s: ")
                .contains("CRITICAL or DEFAULT requests refused in the last second");

        proxy.restore();

        await("automatic brownout off").atMost(DEADLINE)
                .until(() -> overload().get("automaticBrownout").get("state").asText().equals("NORMAL"));
        assertThat(get("/ops/api/integration-flags").get("state").get("mode").asText()).isEqualTo("NORMAL");
        assertThat(automaticAudit().get("reason").asText()).startsWith("healthy for 3 s");

        stopLoad();
        assertThat(unexpected.get()).as("every answer was 200, 201, 429 shed or 503 overloaded").isNull();
        long sheddable = refusedBefore.getOrDefault(Criticality.SHEDDABLE, new AtomicLong()).get();
        long others = refusedBefore.getOrDefault(Criticality.DEFAULT, new AtomicLong()).get()
                + refusedBefore.getOrDefault(Criticality.CRITICAL, new AtomicLong()).get();
        assertThat(sheddable).as("refusals before the first CRITICAL one: SHEDDABLE %d, DEFAULT %d", sheddable, others)
                .isGreaterThan(others);
        assertThat(acknowledged).as("writes answered 201").isNotEmpty();
        assertThat(idsInTheTable()).as("every write answered 201 is in the table").containsAll(acknowledged);
    }

    private void write(Context ctx) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO writes (payload) VALUES (?) RETURNING id")) {
            insert.setString(1, "written at " + System.nanoTime());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                ctx.status(201).json(Map.of("id", row.getLong(1)));
            }
        }
    }

    private void read(Context ctx) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery(READ_SQL)) {
            row.next();
            ctx.json(Map.of("count", row.getLong(1)));
        }
    }

    private void startLoad() {
        for (int i = 0; i < THREADS_PER_CLASS; i++) {
            load.add(client(Criticality.CRITICAL, "POST", "/api/writes"));
            load.add(client(Criticality.DEFAULT, "GET", "/api/count"));
            load.add(client(Criticality.SHEDDABLE, "GET", "/api/recent"));
        }
        load.forEach(Thread::start);
    }

    private void stopLoad() throws InterruptedException {
        stopLoad = true;
        for (Thread thread : load) {
            thread.join(TimeUnit.SECONDS.toMillis(40));
            assertThat(thread.isAlive()).as(thread.getName() + " stopped").isFalse();
        }
    }

    /** One client: a request after another until stopped (at most a minute), pausing briefly after a refusal. */
    private Thread client(Criticality criticality, String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(30))
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody()).build();
        Thread thread = new Thread(() -> {
            long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!stopLoad && System.nanoTime() < end) {
                try {
                    if (!outcome(criticality, client.send(request, HttpResponse.BodyHandlers.ofString()))) {
                        Thread.sleep(50); // a refused client backs off a little before it tries again
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    unexpected.compareAndSet(null, criticality + " " + path + ": " + e);
                }
            }
        }, "load-" + criticality + "-" + path);
        thread.setDaemon(true);
        return thread;
    }

    /** Records one answer; returns whether the request was served. */
    private boolean outcome(Criticality criticality, HttpResponse<String> response) throws Exception {
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            if (status == 201) {
                acknowledged.add(JSON.readTree(response.body()).get("id").asLong());
            }
            return true;
        }
        String error = status == 429 || status == 503 ? JSON.readTree(response.body()).path("error").asText() : "";
        if (!(status == 429 && error.equals("shed")) && !(status == 503 && error.equals("overloaded"))) {
            unexpected.compareAndSet(null, criticality + " answered " + status + ": " + response.body());
            return false;
        }
        long order = refusals.incrementAndGet();
        if (criticality == Criticality.CRITICAL) {
            firstCriticalRefusal.accumulateAndGet(order, Math::min);
        }
        if (order < firstCriticalRefusal.get()) {
            refusedBefore.computeIfAbsent(criticality, c -> new AtomicLong()).incrementAndGet();
        }
        return false;
    }

    private JsonNode automaticAudit() throws Exception {
        for (JsonNode entry : get("/ops/api/observability/audit").get("entries")) {
            if (entry.get("actor").asText().equals(AutomaticBrownout.ACTOR)) {
                return entry;
            }
        }
        throw new AssertionError("no audit entry by " + AutomaticBrownout.ACTOR);
    }

    private Set<Long> idsInTheTable() throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (Connection c = java.sql.DriverManager.getConnection(database.jdbcUrl());
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT id FROM writes")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private JsonNode overload() throws Exception {
        return get("/ops/api/observability/overload");
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }
}
