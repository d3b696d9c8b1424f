package dev.dreamnet.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where the operator commands' requests go on a Spring Boot application with DreamNet's starter, whose only operator
 * API is the {@code dreamnet} actuator endpoint: {@code --url http://host:8080/actuator} (a URL whose path ends in
 * {@code /actuator}) sends {@code dreamnet status} to {@code GET /actuator/dreamnet} rather than
 * {@code GET /api/observability/summary}, {@code dreamnet brownout on} to
 * {@code POST /actuator/dreamnet/modes/brownout {"enabled": true}}, and so on. The endpoint answers with the same
 * views as the Javalin plugin's API, so every command prints as it does there. What the endpoint does not have (queues,
 * agents) is refused here, naming the command, before anything is sent. Stateless.
 */
final class ActuatorPaths {

    /** Javalin API paths read by a GET, and where the endpoint has the same view. */
    private static final Map<String, String> READS = Map.of(
            "api/observability/summary", "dreamnet",
            "api/observability/circuit-breakers", "dreamnet/breakers",
            "api/observability/rollouts", "dreamnet/rollouts",
            "api/observability/overload", "dreamnet/overload",
            "api/observability/golden-signals", "dreamnet/signals",
            "api/observability/fleet", "dreamnet/fleet",
            "api/observability/audit", "dreamnet/audit",
            SloCommands.VIEW, "dreamnet/slos",
            FlagCommands.BASE, "dreamnet/flags");
    private static final Pattern MODE = Pattern.compile("api/integration-flags/(brownout|emergency)/(enable|disable)");
    private static final Pattern KILL_SWITCH =
            Pattern.compile("api/integration-flags/(safe-mode|write-drain)/(enable|disable)");
    private static final Pattern ACTION = Pattern.compile("api/admin/(breakers|rollouts)/([^/]+)/([a-z-]+)");
    private static final Pattern PIN = Pattern.compile("api/admin/overload/(pin|unpin)");
    private static final Pattern OVERRIDE = Pattern.compile("api/integration-flags/flags/([^/]+)/override");
    private static final Pattern CLEAR_OVERRIDE = Pattern.compile("api/integration-flags/flags/([^/]+)/clear-override");

    /**
     * A request as the endpoint takes it: a {@code POST} of {@code body}, or, when {@code delete}, a {@code DELETE}
     * whose fields are query parameters.
     */
    record Request(String path, Map<String, ?> body, boolean delete) {

        /** A {@code POST} of {@code body} to {@code path}. */
        Request(String path, Map<String, ?> body) {
            this(path, body, false);
        }
    }

    private ActuatorPaths() {
    }

    /** Where the endpoint has what {@code apiPath} reads; its query ({@code ?limit=20}) goes along as it is. */
    static String read(String apiPath) throws ClientException {
        int query = apiPath.indexOf('?');
        String path = READS.get(query < 0 ? apiPath : apiPath.substring(0, query));
        if (path == null) {
            throw missing(apiPath);
        }
        return query < 0 ? path : path + apiPath.substring(query);
    }

    /** The endpoint's write that does what a POST of {@code body} to {@code apiPath} does. */
    static Request write(String apiPath, Map<String, ?> body) throws ClientException {
        Matcher m;
        if ((m = MODE.matcher(apiPath)).matches()) {
            return new Request("dreamnet/modes/" + m.group(1), enabled(m.group(2), body));
        }
        if ((m = KILL_SWITCH.matcher(apiPath)).matches()) {
            return new Request("dreamnet/kill-switches/" + m.group(1), enabled(m.group(2), body));
        }
        if ((m = ACTION.matcher(apiPath)).matches()) {
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("action", m.group(3));
            action.putAll(body);
            return new Request("dreamnet/" + m.group(1) + "/" + m.group(2), action);
        }
        if ((m = PIN.matcher(apiPath)).matches()) {
            return new Request("dreamnet/overload/" + m.group(1), body);
        }
        if ((m = OVERRIDE.matcher(apiPath)).matches()) {
            return new Request("dreamnet/overrides/" + m.group(1), body);
        }
        if ((m = CLEAR_OVERRIDE.matcher(apiPath)).matches()) {
            Object reason = body.get("reason");
            return new Request("dreamnet/overrides/" + m.group(1) + (reason == null ? ""
                    : "?reason=" + URLEncoder.encode(reason.toString(), StandardCharsets.UTF_8)), Map.of(), true);
        }
        if (apiPath.equals("api/admin/rollouts")) {
            return new Request("dreamnet/rollouts", rolloutToStart(body));
        }
        throw missing(apiPath);
    }

    private static Map<String, Object> enabled(String change, Map<String, ?> body) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("enabled", change.equals("enable"));
        fields.putAll(body);
        return fields;
    }

    /** The rollout's fields, each a single value as actuator takes a body: the steps as {@code "1.0,10.0,100.0"}. */
    private static Map<String, Object> rolloutToStart(Map<String, ?> body) {
        Map<String, Object> fields = new LinkedHashMap<>(body);
        if (fields.get("steps") instanceof List<?> steps) {
            fields.put("steps", steps.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        return fields;
    }

    private static ClientException missing(String apiPath) {
        return ClientException.notFound("a Spring Boot application's dreamnet actuator endpoint has no equivalent of /"
                + apiPath + " (queues and agents are the reference service's); "
                + "nothing was sent");
    }
}
