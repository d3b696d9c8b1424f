package dev.dreamnet.javalin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code plugin.flag(route, flag)} with a route written some other way than the application registers it: each of
 * these was taken, matched no route, and the route kept answering 200 while its flag was off.
 */
class RouteFlagPatternTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/recs", "get /api/recs", "GET  /api/recs", "GET /api/recs/", "GET api/recs",
            "FETCH /api/recs", "GET /api/recs/{id", "GET /api/{id/x}", "", " GET /api/recs"})
    void aRouteThatCouldMatchNoRegisteredRouteIsRefusedQuotingIt(String route) {
        DreamNetPlugin.Config config = new DreamNetPlugin.Config();

        assertThatThrownBy(() -> config.flag(route, "recommendations")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"METHOD /path\"").hasMessageEndingWith("was \"" + route + "\"");
        assertThat(config.routeFlags).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/recs", "POST /api/dreams", "GET /api/products/{id}/recommendations",
            "DELETE /api/items/<path>", "GET /", "PATCH /api/v1/x.json"})
    void aRouteAsRegisteredIsTaken(String route) {
        assertThatCode(() -> new DreamNetPlugin.Config().flag(route, "recommendations")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aBlankFlagIsRefusedNamingTheRoute(String flag) {
        assertThatThrownBy(() -> new DreamNetPlugin.Config().flag("GET /api/recs", flag))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"GET /api/recs\" must name a flag");
    }
}
