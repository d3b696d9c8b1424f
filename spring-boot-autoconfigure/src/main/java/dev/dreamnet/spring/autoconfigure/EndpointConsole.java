package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.runtime.console.Console;
import dev.dreamnet.runtime.console.ConsoleAsset;
import org.jspecify.annotations.Nullable;

/**
 * The operator console ({@link Console}) under the {@code dreamnet} actuator endpoint: its page at
 * {@code GET /actuator/dreamnet/console} and its assets under it, calling the endpoint. {@link EndpointConsoleFilter}
 * (Spring MVC) and {@link EndpointConsoleWebFilter} (WebFlux) serve them after the application's Spring Security, so
 * a chain that protects the endpoint's paths protects the page too; the endpoint's guards let them through
 * unchecked, since the assets' links carry a {@code ?v=} version that no operation takes. Served on the management
 * port when the actuator has one of its own, and before the service is ready (the traffic filter never refuses the
 * actuator's paths). The page holds no data: every read it makes is checked as any other. With Spring Security
 * guarding the endpoint, the page's calls carry the browser's own credentials (its session cookie, and Spring
 * Security's {@code XSRF-TOKEN} cookie as a header when the application keeps one) beside any token entered. The
 * files are read at the first request, not at start. Thread-safe.
 */
final class EndpointConsole {

    /** The console's path under the endpoint. */
    static final String PATH = "/console";

    private final String endpoint;
    private final String console;
    private final boolean browserCredentials;
    /** The files, with the context path their links were written for; built at the first request. */
    private volatile @Nullable Built built;

    private record Built(String contextPath, Console console) {
    }

    /**
     * @param endpoint           the endpoint's path within the application ({@code /actuator/dreamnet})
     * @param browserCredentials whether Spring Security guards the endpoint, so the page sends the browser's cookies
     */
    EndpointConsole(String endpoint, boolean browserCredentials) {
        this.endpoint = endpoint;
        this.console = endpoint + PATH;
        this.browserCredentials = browserCredentials;
    }

    /** Whether {@code path} (within the application) is the console's page or one of its assets. */
    boolean isConsole(String path) {
        return path.equals(console) || path.startsWith(console + "/");
    }

    /**
     * The file at {@code path}, a path {@link #isConsole} accepts, linked for {@code contextPath} (the servlet's or
     * WebFlux's base path, {@code ""} when none); null when no file has that name.
     */
    @Nullable ConsoleAsset file(String contextPath, String path) {
        Console files = files(contextPath);
        if (path.equals(console) || path.equals(console + "/")) {
            return files.page();
        }
        return files.asset(path.substring(console.length() + 1));
    }

    /**
     * The 404 for a name under the console ({@code path}, which {@link #isConsole} accepts) that is none of its files,
     * naming where the console is as the browser reaches it ({@code contextPath} as for {@link #file}).
     */
    EndpointRules.Refusal notFound(String contextPath, String path) {
        return new EndpointRules.Refusal(404, "not found", "no console file "
                + JsonBody.shortened(path.substring(console.length() + 1)) + "; the console is at "
                + contextPath + console);
    }

    private Console files(String contextPath) {
        Built current = built;
        if (current == null || !current.contextPath().equals(contextPath)) {
            current = new Built(contextPath, new Console(contextPath + endpoint, contextPath + console,
                    Console.Api.ACTUATOR, browserCredentials));
            built = current;
        }
        return current.console();
    }
}
