package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.runtime.console.Console;
import dev.dreamnet.runtime.console.ConsoleAsset;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the operator console ({@link EndpointConsole}) in a Spring MVC application: registered after the
 * application's Spring Security filter chain, so a chain that protects the endpoint's paths protects the page too.
 * Thread-safe.
 */
final class EndpointConsoleFilter extends OncePerRequestFilter {

    /** After Spring Security's filter chain (-100), before the dispatcher. */
    static final int ORDER = 0;

    private final EndpointRules rules;

    EndpointConsoleFilter(EndpointRules rules) {
        this.rules = rules;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !rules.isConsoleRead(request.getMethod(), DreamNetFilter.routedPath(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        EndpointConsole console = rules.console();
        String path = DreamNetFilter.routedPath(request);
        ConsoleAsset file = console.file(request.getContextPath(), path);
        if (file == null) {
            EndpointRules.Refusal missing = console.notFound(request.getContextPath(), path);
            DreamNetFilter.answer(response, missing.status(), missing.error(), missing.detail());
            return;
        }
        Console.headers(file).forEach(response::setHeader);
        response.setContentType(file.contentType());
        response.setContentLength(file.bytes().length);
        if (!request.getMethod().equals("HEAD")) {
            response.getOutputStream().write(file.bytes());
        }
    }
}
