package dev.dreamnet.javalin.http;

import io.javalin.router.Endpoint;

/**
 * The name a route goes by throughout DreamNet, {@code "METHOD path-template"} ({@code GET /api/dreams/{id}}): the key
 * of route flags and of the write-drain exceptions, the route of request metrics, overload protection and rollouts.
 */
public final class RouteNames {

    private RouteNames() {
    }

    /** {@code endpoint}'s name: its method, one space, its path template as registered. */
    public static String of(Endpoint endpoint) {
        return endpoint.method.name() + " " + endpoint.path;
    }
}
