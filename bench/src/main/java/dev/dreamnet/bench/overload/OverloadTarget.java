package dev.dreamnet.bench.overload;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.javalin.DreamNetPlugin;
import dev.dreamnet.javalin.http.HttpLimits;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.DreamNetBuilder;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The overload benchmark's server: Javalin with {@link DreamNetPlugin} and three routes, {@code GET /work/critical},
 * {@code /work/default} and {@code /work/sheddable}, each one {@link Calibration#WORK} on a HikariCP pool of
 * {@code --pool} connections to PostgreSQL, so capacity is about pool x 100 req/s (measured at start and printed as
 * {@code capacity: N req/s}). {@code --guard} picks the protection: {@code none}, {@code bulkhead} (Resilience4j,
 * 2 x pool), {@code netflix} (concurrency-limits, partitioned by class) or {@code dreamnet} (the plugin's own, from
 * {@code --overload FILE}). Every guard runs on the same Jetty limits: the plugin's in-flight cap far above anything
 * the run reaches, so it never acts and only the guard does.
 * Usage: {@code OverloadTarget --guard none|bulkhead|netflix|dreamnet [--port 5101] [--pool 4]
 * [--overload FILE] [--jdbc URL] [--calibrate-ms 3000]}.
 */
public final class OverloadTarget {

    /** Far above the ~2,400 requests a 3x overload can hold for the pool's 2 s timeout: the cap never acts. */
    static final int IN_FLIGHT = 5_000;

    private OverloadTarget() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String guardName = options.getOrDefault("guard", "");
        int port = Integer.parseInt(options.getOrDefault("port", "5101"));
        int poolSize = Integer.parseInt(options.getOrDefault("pool", "4"));
        HikariDataSource pool = pool(options.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/test"), poolSize);
        double capacity = Calibration.capacity(pool, 2 * poolSize,
                Long.parseLong(options.getOrDefault("calibrate-ms", "3000")));
        System.out.printf(Locale.ROOT, "capacity: %.0f req/s (pool %d, closed loop of %d callers, no HTTP)%n",
                capacity, poolSize, 2 * poolSize);
        Guard guard = switch (guardName) {
            case "none", "dreamnet" -> null;
            case "bulkhead" -> new BulkheadGuard(2 * poolSize);
            case "netflix" -> new NetflixGuard(Map.of(Criticality.CRITICAL, 0.3, Criticality.DEFAULT, 0.6,
                    Criticality.SHEDDABLE, 0.1));
            default -> throw usage("--guard must be none, bulkhead, netflix or dreamnet, was \"" + guardName + "\"");
        };
        DreamNet dreamnet = dreamnet(guardName.equals("dreamnet") ? overloadFile(options) : null);
        HttpLimits limits = HttpLimits.builder().maxInFlight(IN_FLIGHT).build();
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.registerPlugin(new DreamNetPlugin(dreamnet, plugin -> plugin.limits = limits));
            if (guard != null) {
                guard.install(config.routes);
            }
            for (Criticality c : Criticality.values()) {
                config.routes.get("/work/" + c.name().toLowerCase(Locale.ROOT), ctx -> {
                    Calibration.work(pool);
                    ctx.result("done");
                });
            }
        }).start("127.0.0.1", port);
        System.out.println("guard: " + guardName + (guard != null ? " (" + guard.describe() + ")"
                : guardName.equals("dreamnet") ? " (DreamNetPlugin overload " + options.get("overload") + ")" : ""));
        System.out.println("listening on http://127.0.0.1:" + port + "/work/{critical,default,sheddable}");
    }

    private static HikariDataSource pool(String jdbcUrl, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername("postgres");
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setConnectionTimeout(2_000);
        config.setPoolName("work");
        return new HikariDataSource(config);
    }

    private static Path overloadFile(Map<String, String> options) {
        Path file = Path.of(options.getOrDefault("overload", ""));
        if (!Files.isRegularFile(file)) {
            throw usage("--guard dreamnet needs --overload FILE, a readable overload YAML; was \"" + file + "\"");
        }
        return file;
    }

    private static DreamNet dreamnet(Path overload) throws Exception {
        DreamNetBuilder builder = DreamNet.builder().database("jdbc:h2:mem:overload").environment(Map.of());
        if (overload != null) {
            builder.overload(overload);
        }
        DreamNet dreamnet = builder.build().start();
        dreamnet.started().get();
        return dreamnet;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw usage("expected --option value pairs, got " + Arrays.toString(args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static IllegalArgumentException usage(String message) {
        return new IllegalArgumentException("OverloadTarget: " + message);
    }
}
