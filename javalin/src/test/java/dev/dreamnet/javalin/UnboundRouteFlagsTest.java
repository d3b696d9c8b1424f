package dev.dreamnet.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.dreamnet.javalin.flags.UnboundRouteFlags;
import dev.dreamnet.runtime.DreamNet;
import io.javalin.Javalin;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A route flag written in the right form but for a route the application never registered (a typo in the path) is
 * warned about once the server has started, naming the route and the flag; a route flag that matches is not.
 */
class UnboundRouteFlagsTest {

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(UnboundRouteFlags.class);
    private DreamNet dreamnet;
    private Javalin app;

    @BeforeEach
    void listen() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(logs);
        if (dreamnet != null) {
            dreamnet.shutdown();
        }
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void aRouteFlagForARouteNeverRegisteredIsWarnedAboutAtStart() throws Exception {
        dreamnet = DreamNet.builder().environment(Map.of())
                .database("jdbc:h2:mem:unbound_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").build();
        app = Javalin.create(config -> {
            config.registerPlugin(new DreamNetPlugin(dreamnet, plugin -> {
                plugin.flag("GET /api/recomendations", "recommendations");
                plugin.flag("GET /api/products/{id}", "catalog");
            }));
            config.routes.get("/api/recommendations", ctx -> ctx.result("[]"));
            config.routes.get("/api/products/{id}", ctx -> ctx.result("{}"));
        }).start("127.0.0.1", 0);

        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("route flag "
                + "\"GET /api/recomendations\" (flag recommendations) names no route the application registered, so it "
                + "guards nothing; write the route exactly as registered (method, one space, path template)");
    }
}
