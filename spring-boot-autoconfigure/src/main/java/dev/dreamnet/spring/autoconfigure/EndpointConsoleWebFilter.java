package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.runtime.console.Console;
import dev.dreamnet.runtime.console.ConsoleAsset;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * {@link EndpointConsoleFilter} for Spring WebFlux: the operator console ({@link EndpointConsole}), served after the
 * application's Spring Security web filter chain. WebFlux runs the application's web filters on the actuator's own
 * port too ({@code management.server.port}); there the console is served only on that port, beside the endpoint it
 * calls. Thread-safe.
 */
final class EndpointConsoleWebFilter implements WebFilter, Ordered {

    private final EndpointRules rules;
    private final ManagementPaths management;

    EndpointConsoleWebFilter(EndpointRules rules, ManagementPaths management) {
        this.rules = rules;
        this.management = management;
    }

    @Override
    public int getOrder() {
        return EndpointConsoleFilter.ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = DreamNetWebFilter.routedPath(exchange);
        if (!rules.isConsoleRead(request.getMethod().name(), path)
                || !management.actuatorServer(exchange.getApplicationContext())) {
            return chain.filter(exchange);
        }
        EndpointConsole console = rules.console();
        ServerHttpResponse response = exchange.getResponse();
        String contextPath = request.getPath().contextPath().value();
        ConsoleAsset file = console.file(contextPath, path);
        if (file == null) {
            EndpointRules.Refusal missing = console.notFound(contextPath, path);
            return DreamNetWebFilter.answer(response, missing.status(),
                    () -> ErrorBody.of(missing.error(), missing.detail()));
        }
        HttpHeaders headers = response.getHeaders();
        Console.headers(file).forEach(headers::set);
        headers.setContentType(MediaType.parseMediaType(file.contentType()));
        headers.setContentLength(file.bytes().length);
        if (request.getMethod() == HttpMethod.HEAD) {
            return response.setComplete();
        }
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(file.bytes())));
    }
}
