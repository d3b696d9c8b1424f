package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.runtime.auth.AccessDeniedException;
import dev.dreamnet.runtime.auth.NotAuthenticatedException;
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
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The {@code dreamnet} actuator endpoint's writes, checked before anything reads their body: with DreamNet's tokens,
 * a write without an admin token is refused (401, or 403 for a read token) here, and every write's body is limited to
 * {@value #MAX_BODY} bytes (413), and a JSON body that is not one JSON object is refused (400, saying where it goes
 * wrong). Spring MVC reads and parses a body before an endpoint operation runs, so a check only there would let anyone
 * fill the heap, and would answer a malformed body with a bare 400.
 * With Spring Security, the application's security filter chain authenticates; the body is limited all the same.
 * Thread-safe.
 */
final class EndpointGuard extends OncePerRequestFilter {

    /** The longest body an operation of the endpoint takes: a few fields and a reason of at most 1,000 characters. */
    static final int MAX_BODY = 16 * 1024;

    private final String endpoint;
    private final @Nullable AccessControl tokens;

    /**
     * @param endpoint the endpoint's path ({@code /actuator/dreamnet})
     * @param tokens   the tokens that guard its writes, or null when Spring Security does
     */
    EndpointGuard(String endpoint, @Nullable AccessControl tokens) {
        this.endpoint = endpoint;
        this.tokens = tokens;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return true;
        }
        String path = DreamNetFilter.routedPath(request);
        return !path.equals(endpoint) && !path.startsWith(endpoint + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (tokens != null) {
            try {
                tokens.requireAdmin(request.getHeader("Authorization"));
            } catch (NotAuthenticatedException e) {
                DreamNetFilter.answer(response, 401, "not authenticated", e.getMessage());
                return;
            } catch (AccessDeniedException e) {
                DreamNetFilter.answer(response, 403, "forbidden", e.getMessage());
                return;
            }
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            tooLarge(response, String.valueOf(request.getContentLengthLong()));
            return;
        }
        // Read here, at most one byte past the limit, so that a body sent without its length is held to it too.
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            tooLarge(response, "is longer");
            return;
        }
        List<String> fields = request.getMethod().equals("DELETE") ? List.of()
                : DreamNetEndpoint.bodyFields(under(DreamNetFilter.routedPath(request)));
        String contentType = request.getContentType();
        String malformed = contentType != null && contentType.contains("json") ? JsonBody.problem(body, fields) : null;
        if (malformed != null) {
            DreamNetFilter.answer(response, 400, "bad request", malformed);
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private static void tooLarge(HttpServletResponse response, String size) throws IOException {
        DreamNetFilter.answer(response, 413, "body too large", "a DreamNet operation's body is at most " + MAX_BODY
                + " bytes, this one " + size);
    }

    /** A path under the endpoint ({@code modes/brownout} in {@code /actuator/dreamnet/modes/brownout}). */
    private String under(String path) {
        return path.length() > endpoint.length() ? path.substring(endpoint.length() + 1) : "";
    }

    /** The request, with the body this filter read. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
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
