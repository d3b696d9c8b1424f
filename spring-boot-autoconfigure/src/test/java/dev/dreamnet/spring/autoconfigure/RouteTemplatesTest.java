package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;

class RouteTemplatesTest {

    @Test
    void theMostSpecificTemplateOfTheRequestsMethodWinsWhateverTheFilesOrder() {
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put("GET /api/products/**", "sheddable");
        routes.put("GET /api/products/{id}", "critical");
        routes.put("POST /api/products/{id}", "default");
        routes.put("GET /api/products/featured", "default");
        routes.put("GET /api/{broken", "critical");
        RouteTemplates templates = RouteTemplates.of(routes);

        assertThat(templates.match("GET", PathContainer.parsePath("/api/products/7"))).isEqualTo("GET /api/products/{id}");
        assertThat(templates.match("GET", PathContainer.parsePath("/api/products/featured")))
                .isEqualTo("GET /api/products/featured");
        assertThat(templates.match("GET", PathContainer.parsePath("/api/products/7/reviews")))
                .isEqualTo("GET /api/products/**");
        assertThat(templates.match("POST", PathContainer.parsePath("/api/products/7")))
                .isEqualTo("POST /api/products/{id}");
        assertThat(templates.match("DELETE", PathContainer.parsePath("/api/products/7"))).isNull();
        assertThat(templates.match("GET", PathContainer.parsePath("/api/{broken"))).as("skipped, not matched").isNull();
        assertThat(templates.readFrom(routes)).isTrue();
        assertThat(templates.readFrom(new LinkedHashMap<>(routes))).as("a reloaded file's map").isFalse();
    }
}
