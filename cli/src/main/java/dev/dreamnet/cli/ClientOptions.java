package dev.dreamnet.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every command that talks to a running server shares: where it is, the token to
 * send, and whether to print JSON. Defaults come from {@code DREAMNET_URL} and {@code DREAMNET_TOKEN}. The token
 * and the actor are checked before a request is built ({@link HeaderValues}).
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
            description = "Who is acting, recorded in the audit log: at most 100 ASCII letters, digits and "
                    + "@ . _ : + - (default: $USER, without the characters it may not have).")
    String actor;

    /** The command this mixin is part of: which options were given on its command line. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    ApiClient client() {
        return new ApiClient(url, HeaderValues.token(token, given("--token") ? "--token" : "DREAMNET_TOKEN"),
                given("--actor") ? HeaderValues.actor(actor, "--actor") : HeaderValues.actorFromLogin(actor));
    }

    /** Whether {@code option} was on the command line, rather than its default from the environment. */
    private boolean given(String option) {
        return !command.findOption(option).originalStringValues().isEmpty();
    }
}
