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
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The {@code dreamnet} actuator endpoint's writes, checked before anything reads their body: with DreamNet's tokens,
 * a write without an admin token is refused (401, or 403 for a read token) here, and every write's body is limited to
 * {@value #MAX_BODY} bytes (413 when it says it is longer; cut off when it turns out longer). Spring MVC reads and
 * parses a body before an endpoint operation runs, so a check only there would let anyone fill the heap.
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
            DreamNetFilter.answer(response, 413, "body too large", "a DreamNet operation's body is at most "
                    + MAX_BODY + " bytes, this one " + request.getContentLengthLong());
            return;
        }
        chain.doFilter(new LimitedBody(request), response);
    }

    /** A request whose body ends in an error past {@link #MAX_BODY} bytes, for a body sent without its length. */
    private static final class LimitedBody extends HttpServletRequestWrapper {

        private @Nullable ServletInputStream limited;

        LimitedBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new Limited(super.getInputStream());
            }
            return limited;
        }
    }

    private static final class Limited extends ServletInputStream {

        private final ServletInputStream in;
        private long read;

        Limited(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > MAX_BODY) {
                throw new IOException("a DreamNet operation's body is at most " + MAX_BODY + " bytes");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
