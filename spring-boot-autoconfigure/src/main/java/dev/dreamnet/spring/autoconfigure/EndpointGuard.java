package dev.dreamnet.spring.autoconfigure;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The {@code dreamnet} actuator endpoint's writes, checked before anything reads their body ({@link EndpointRules}):
 * with DreamNet's tokens, a write without an admin token is refused (401, or 403 for a read token) here, and every
 * write's body is limited to {@value EndpointRules#MAX_BODY} bytes (413), and a JSON body that is not one JSON object
 * is refused (400, saying where it goes wrong). Spring MVC reads and parses a body before an endpoint operation runs,
 * so a check only there would let anyone fill the heap, and would answer a malformed body with a bare 400.
 * With Spring Security, the application's security filter chain authenticates; the body is limited all the same.
 * Reads and writes alike are refused a query parameter their operation does not take (400), which the actuator
 * would otherwise let override the path and the body. Thread-safe.
 */
final class EndpointGuard extends OncePerRequestFilter {

    private final EndpointRules rules;

    EndpointGuard(EndpointRules rules) {
        this.rules = rules;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !rules.isEndpoint(DreamNetFilter.routedPath(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (rules.isConsoleRead(request.getMethod(), DreamNetFilter.routedPath(request))) {
            // Served by EndpointConsoleFilter, after the application's security.
            chain.doFilter(request, response);
            return;
        }
        if (!EndpointRules.isWrite(request.getMethod())) {
            EndpointRules.Refusal refusal = EndpointRules.unknownParameter(request.getMethod(), request.getQueryString());
            if (refusal != null) {
                answer(response, refusal);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        EndpointRules.Refusal refusal = rules.unauthorized(request.getHeader("Authorization"));
        if (refusal == null) {
            refusal = EndpointRules.unknownParameter(request.getMethod(), request.getQueryString());
        }
        if (refusal == null && request.getContentLengthLong() > EndpointRules.MAX_BODY) {
            refusal = EndpointRules.tooLarge(String.valueOf(request.getContentLengthLong()));
        }
        if (refusal != null) {
            answer(response, refusal);
            return;
        }
        // Read here, at most one byte past the limit, so that a body sent without its length is held to it too.
        byte[] body = request.getInputStream().readNBytes(EndpointRules.MAX_BODY + 1);
        refusal = body.length > EndpointRules.MAX_BODY ? EndpointRules.tooLarge("is longer")
                : rules.malformed(request.getMethod(), DreamNetFilter.routedPath(request), request.getContentType(), body);
        if (refusal != null) {
            answer(response, refusal);
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private static void answer(HttpServletResponse response, EndpointRules.Refusal refusal) throws IOException {
        DreamNetFilter.answer(response, refusal.status(), refusal.error(), refusal.detail());
    }

    /**
     * The request, with the body this filter read. A write sent with no body and no content type (the overload pin's,
     * whose body is optional) says it is JSON, which it trivially is: Spring MVC refused it with a bare 415.
     */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private static final String CONTENT_TYPE = "Content-Type";
        private final byte[] body;
        private final boolean untyped;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
            this.untyped = body.length == 0 && request.getContentType() == null;
        }

        @Override
        public String getContentType() {
            return untyped ? MediaType.APPLICATION_JSON_VALUE : super.getContentType();
        }

        @Override
        public String getHeader(String name) {
            return untyped && CONTENT_TYPE.equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return untyped && CONTENT_TYPE.equalsIgnoreCase(name) ? Collections.enumeration(List.of(getContentType()))
                    : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            if (!untyped) {
                return super.getHeaderNames();
            }
            List<String> names = Collections.list(super.getHeaderNames());
            names.add(CONTENT_TYPE);
            return Collections.enumeration(names);
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body was already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }
    }
}
