package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.runtime.auth.AccessDeniedException;
import dev.dreamnet.runtime.auth.NotAuthenticatedException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code dreamnet} endpoint's guards check before an operation runs, under Spring MVC ({@link EndpointGuard})
 * and Spring WebFlux ({@link DreamNetEndpointWebFilter}) alike: which requests are the endpoint's writes, the admin token
 * (with DreamNet's tokens), the query parameters, the body's size, and that a JSON body is one object with the
 * operation's fields. Each check answers a refusal, or null to let the request on. Thread-safe.
 */
final class EndpointRules {

    /** The longest body an operation of the endpoint takes: a few fields and a reason of at most 1,000 characters. */
    static final int MAX_BODY = 16 * 1024;

    private final String endpoint;
    private final @Nullable AccessControl tokens;
    private final @Nullable EndpointConsole console;

    /**
     * @param endpoint the endpoint's path ({@code /actuator/dreamnet})
     * @param tokens   the tokens that guard its writes, or null when Spring Security does
     * @param console  whether the operator console is served under the endpoint
     */
    EndpointRules(String endpoint, @Nullable AccessControl tokens, boolean console) {
        this.endpoint = endpoint;
        this.tokens = tokens;
        this.console = console ? new EndpointConsole(endpoint, tokens == null) : null;
    }

    /** The operator console under the endpoint, or null when it is turned off. */
    @Nullable EndpointConsole console() {
        return console;
    }

    /** Whether a request is a GET (or HEAD) of the console's page or assets, which the console's filter answers. */
    boolean isConsoleRead(String method, String path) {
        return console != null && (method.equals("GET") || method.equals("HEAD")) && console.isConsole(path);
    }

    /** Whether {@code path} (decoded, as the web layer routes it) is the endpoint or under it. */
    boolean isEndpoint(String path) {
        return path.equals(endpoint) || path.startsWith(endpoint + "/");
    }

    /** Whether a request with {@code method} may change something: anything but GET, HEAD and OPTIONS. */
    static boolean isWrite(String method) {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    /** 401 without an admin token, 403 with a read token; null with an admin token, or when Spring Security guards. */
    @Nullable Refusal unauthorized(@Nullable String authorization) {
        if (tokens == null) {
            return null;
        }
        try {
            tokens.requireAdmin(authorization);
            return null;
        } catch (NotAuthenticatedException e) {
            return new Refusal(401, "not authenticated", e.getMessage());
        } catch (AccessDeniedException e) {
            return new Refusal(403, "forbidden", tokens.adminConfigured() ? e.getMessage() : e.getMessage()
                    + "; in a Spring Boot application the properties dreamnet.tokens.admin or dreamnet.tokens.admin-file"
                    + " set them too");
        }
    }

    /** 413 for a body longer than {@link #MAX_BODY}; {@code size} says how long it was ("20000", or "is longer"). */
    static Refusal tooLarge(String size) {
        return new Refusal(413, "body too large", "a DreamNet operation's body is at most " + MAX_BODY
                + " bytes, this one " + size);
    }

    /**
     * 400 saying what is wrong with a JSON {@code body} written to {@code path}: not one object, or a field the
     * operation does not take; null for a body that is not JSON (the operation reads it) or nothing wrong.
     */
    @Nullable Refusal malformed(String method, String path, @Nullable String contentType, byte[] body) {
        if (contentType == null || !contentType.contains("json")) {
            return null;
        }
        List<String> fields = method.equals("DELETE") ? List.of() : DreamNetEndpoint.bodyFields(under(path));
        String problem = JsonBody.problem(body, fields);
        return problem == null ? null : new Refusal(400, "bad request", problem);
    }

    /**
     * 400 for a query parameter the operation does not take, or null. Spring Boot's actuator hands an operation its
     * query parameters beside the path's selectors and the body's fields, and a query parameter wins: {@code POST
     * .../modes/brownout?name=emergency} set EMERGENCY, past an access rule written for {@code modes/brownout}. Reads
     * take {@code limit} (the audit log's), a {@code DELETE} takes {@code reason}, and nothing else takes any.
     *
     * @param query the raw query string, or null
     */
    static @Nullable Refusal unknownParameter(String method, @Nullable String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        List<String> taken = !isWrite(method) ? List.of("limit") : method.equals("DELETE") ? List.of("reason")
                : List.of();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (!name.isEmpty() && !taken.contains(name)) {
                return new Refusal(400, "bad request", "unknown query parameter \"" + JsonBody.shortened(name) + "\" ("
                        + (taken.isEmpty() ? "this operation takes none: its fields go in the JSON body"
                                : "this operation takes only " + taken.get(0)) + ")");
            }
        }
        return null;
    }

    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return name;
        }
    }

    /** A path under the endpoint ({@code modes/brownout} in {@code /actuator/dreamnet/modes/brownout}). */
    private String under(String path) {
        return path.length() > endpoint.length() ? path.substring(endpoint.length() + 1) : "";
    }

    /** A request refused before the endpoint sees it: answered with {@code status} and {@link ErrorBody}. */
    record Refusal(int status, String error, String detail) {
    }
}
