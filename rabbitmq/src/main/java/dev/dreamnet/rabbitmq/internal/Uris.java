package dev.dreamnet.rabbitmq.internal;

import java.net.URI;

/** Shows a broker URI without its password. Stateless. */
final class Uris {

    private Uris() {
    }

    static String redact(URI uri) {
        String vhost = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port + vhost;
    }
}
