package dev.dreamnet.cli;

import picocli.CommandLine.Option;

/**
 * The options every command that talks to a running server shares: where it is, the token to
 * send, and whether to print JSON. Defaults come from {@code DREAMNET_URL} and {@code DREAMNET_TOKEN}.
 */
final class ClientOptions {

    static final String DEFAULT_URL = "http://127.0.0.1:5000";

    @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:DREAMNET_URL:-" + DEFAULT_URL + "}",
            description = "Server to talk to (default: $DREAMNET_URL or " + DEFAULT_URL + "); a Spring Boot "
                    + "application's actuator, e.g. http://host:8080/actuator, for one with DreamNet's starter.")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:DREAMNET_TOKEN}",
            description = "Bearer token for admin commands (default: $DREAMNET_TOKEN).")
    String token;

    @Option(names = "--json", description = "Print the server's JSON instead of a summary.")
    boolean json;

    @Option(names = "--actor", paramLabel = "NAME", defaultValue = "${env:USER:-operator}",
            description = "Who is acting, recorded in the audit log (default: $USER).")
    String actor;

    ApiClient client() {
        return new ApiClient(url, token, actor);
    }
}
