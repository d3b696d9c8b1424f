package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.runtime.console.Console;
import dev.dreamnet.runtime.console.ConsoleAsset;
import org.jspecify.annotations.Nullable;

/**
 * The operator console ({@link Console}) under the {@code dreamnet} actuator endpoint: its page at
 * {@code GET /actuator/dreamnet/console} and its assets under it, calling the endpoint. The endpoint's guards
 * ({@link EndpointGuard}, {@link DreamNetEndpointWebFilter}) answer these requests before the actuator sees them, so
 * the console is on the management port when the actuator has one of its own, is open before the service is ready,
 * and takes its assets' {@code ?v=} versions. The page holds no data: every read it makes is checked as any other.
 * With Spring Security guarding the endpoint, the page's calls carry the browser's own credentials (its session
 * cookie and Spring Security's {@code XSRF-TOKEN} cookie, when the application keeps one) beside any token entered.
 * The files are read at the first request, not at start. Thread-safe.
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

    /** {@code Cache-Control} for {@code file}: the page is never cached, a versioned asset is cached for good. */
    static String cacheControl(ConsoleAsset file) {
        return file.name().equals("index.html") ? Console.PAGE_CACHE : Console.ASSET_CACHE;
    }

    /** The 404 for a name under the console that is none of its files. */
    EndpointRules.Refusal notFound(String path) {
        return new EndpointRules.Refusal(404, "not found", "no console file " + JsonBody.shortened(path)
                + "; the console is at " + console);
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
