package dev.dreamnet.spring.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link EndpointGuard} for Spring WebFlux: the {@code dreamnet} endpoint's writes are checked before their body is
 * read (the admin token, with DreamNet's tokens: 401, or 403 for a read token), their body is read up to
 * {@value EndpointRules#MAX_BODY} bytes and no further (413), and a JSON body that is not one object with the
 * operation's fields is refused (400). Every request to the endpoint, read or write, carries its headers to
 * {@link DreamNetReactiveEndpoint} in the Reactor context, for the operation's token check and audit actor.
 * Thread-safe.
 */
final class DreamNetEndpointWebFilter implements WebFilter, Ordered {

    /** An unread body: the request had none. */
    private static final byte[] NO_BODY = new byte[0];
    /** Stands for a body longer than the limit, of which no more is read. */
    private static final byte[] TOO_LONG = new byte[0];

    private final EndpointRules rules;

    DreamNetEndpointWebFilter(EndpointRules rules) {
        this.rules = rules;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 90;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = DreamNetWebFilter.routedPath(exchange);
        if (!rules.isEndpoint(path)) {
            return chain.filter(exchange);
        }
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        String method = request.getMethod().name();
        if (rules.isConsoleRead(method, path)) {
            // Served by EndpointConsoleWebFilter, after the application's security.
            return chain.filter(exchange);
        }
        EndpointRules.Refusal parameter = EndpointRules.unknownParameter(method, request.getURI().getRawQuery());
        Mono<Void> handled = EndpointRules.isWrite(method) ? write(exchange, chain, headers, method, path, parameter)
                : parameter != null ? answer(exchange.getResponse(), parameter) : chain.filter(exchange);
        return handled.contextWrite(context -> context.put(DreamNetReactiveEndpoint.HEADERS, headers));
    }

    private Mono<Void> write(ServerWebExchange exchange, WebFilterChain chain, HttpHeaders headers, String method,
                             String path, EndpointRules.@Nullable Refusal parameter) {
        ServerHttpRequest request = exchange.getRequest();
        EndpointRules.Refusal refusal = rules.unauthorized(headers.getFirst(HttpHeaders.AUTHORIZATION));
        if (refusal == null) {
            refusal = parameter;
        }
        long length = headers.getContentLength();
        if (refusal == null && length > EndpointRules.MAX_BODY) {
            refusal = EndpointRules.tooLarge(String.valueOf(length));
        }
        if (refusal != null) {
            return answer(exchange.getResponse(), refusal);
        }
        String type = headers.getFirst(HttpHeaders.CONTENT_TYPE);
        return DataBufferUtils.join(request.getBody(), EndpointRules.MAX_BODY)
                .map(DreamNetEndpointWebFilter::bytes)
                .onErrorReturn(DataBufferLimitException.class, TOO_LONG)
                .defaultIfEmpty(NO_BODY)
                .flatMap(body -> {
                    EndpointRules.Refusal refused = body == TOO_LONG ? EndpointRules.tooLarge("is longer")
                            : rules.malformed(method, path, type, body);
                    if (refused != null) {
                        return answer(exchange.getResponse(), refused);
                    }
                    return chain.filter(exchange.mutate().request(new ReadBody(request, body)).build());
                });
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static Mono<Void> answer(ServerHttpResponse response, EndpointRules.Refusal refusal) {
        return DreamNetWebFilter.answer(response, refusal.status(),
                () -> ErrorBody.of(refusal.error(), refusal.detail()));
    }

    /**
     * The request, with the body this filter read. A write sent with no body and no content type (the overload pin's,
     * whose body is optional) says it is JSON, which it trivially is: WebFlux refused it with a bare 415.
     */
    private static final class ReadBody extends ServerHttpRequestDecorator {

        private final byte[] body;
        private final HttpHeaders headers;

        ReadBody(ServerHttpRequest request, byte[] body) {
            super(request);
            this.body = body;
            if (body.length == 0 && request.getHeaders().getContentType() == null) {
                HttpHeaders typed = new HttpHeaders();
                typed.putAll(request.getHeaders());
                typed.setContentType(MediaType.APPLICATION_JSON);
                this.headers = HttpHeaders.readOnlyHttpHeaders(typed);
            } else {
                this.headers = request.getHeaders();
            }
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return body.length == 0 ? Flux.empty()
                    : Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
        }
    }
}
