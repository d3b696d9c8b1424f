package dev.dreamnet.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The route templates {@code overload.yaml} names ({@code GET /api/products/{id}}), matched against a Spring WebFlux
 * request before its handler is chosen: of the templates of the request's method whose pattern matches its path, the
 * most specific, as Spring picks a handler among its mappings. A template Spring cannot parse is skipped, with a
 * warning. Immutable.
 */
final class RouteTemplates {

    private static final Logger LOG = LoggerFactory.getLogger(RouteTemplates.class);

    private record Template(String route, String method, PathPattern pattern) {
    }

    private final Map<String, ?> source;
    private final List<Template> templates;

    private RouteTemplates(Map<String, ?> source, List<Template> templates) {
        this.source = source;
        this.templates = templates;
    }

    /** The templates among {@code routes}' keys ({@code "METHOD /path/{var}"}). */
    static RouteTemplates of(Map<String, ?> routes) {
        List<Template> templates = new ArrayList<>();
        for (String route : routes.keySet()) {
            int space = route.indexOf(' ');
            try {
                templates.add(new Template(route, route.substring(0, Math.max(space, 0)),
                        PathPatternParser.defaultInstance.parse(route.substring(space + 1))));
            } catch (IllegalArgumentException e) {
                LOG.warn("overload route \"{}\" is not a path pattern Spring WebFlux can match ({}); its requests "
                        + "take the default class", route, e.getMessage());
            }
        }
        return new RouteTemplates(routes, List.copyOf(templates));
    }

    /** Whether these templates were read from {@code routes} (the same map, not an equal one). */
    boolean readFrom(Map<String, ?> routes) {
        return source == routes;
    }

    /** The most specific template of {@code method} matching {@code path}, or null when none does. */
    @Nullable String match(String method, PathContainer path) {
        Template best = null;
        for (Template template : templates) {
            if (template.method().equals(method) && template.pattern().matches(path)
                    && (best == null || PathPattern.SPECIFICITY_COMPARATOR.compare(template.pattern(), best.pattern()) < 0)) {
                best = template;
            }
        }
        return best == null ? null : best.route();
    }
}
