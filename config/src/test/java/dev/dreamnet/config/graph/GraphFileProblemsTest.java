package dev.dreamnet.config.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dreamnet.core.startup.GraphValidationException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each malformed graph file and the exact message it gets; inputs write JSON quotes as '. */
class GraphFileProblemsTest {

    private static final String API = "{'services': [{'name': 'api', %s}]}";
    private static final String EXAMPLES = "\"500ms\", \"30s\", \"2m\", \"1h\" or \"PT30S\"";

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    void reportsEachMalformedFileInOneExactLine(String what, String json, String expected) {
        GraphValidationException e = catchThrowableOfType(GraphValidationException.class,
                () -> GraphFile.parse("deploy/graph.json", json.replace('\'', '"')));

        assertThat(e).as(what).hasMessage(expected);
    }

    static Stream<Arguments> malformedFiles() {
        return Stream.of(
                bad("empty file", "", "file is empty"),
                bad("only white space", " \n\t ", "file is empty"),
                bad("not JSON at all", "services: []", "line 1, column 1: Unrecognized token 'services': was expecting"
                        + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
                bad("cut short", "{'services': [", "line 1, column 15: Unexpected end-of-input:"
                        + " expected close marker for Array"),
                bad("trailing comma", "{'services': [],}", "line 1, column 17: Unexpected character ('}' (code 125)):"
                        + " was expecting double-quote to start field name"),
                bad("NaN", "{'services': NaN}", "line 1, column 17: Non-standard token 'NaN'"),
                bad("a second document", "{'services': [{'name': 'a'}]} {}",
                        "line 1, column 31: unexpected content after the end of the JSON document"),
                bad("duplicate key", "{'services': [{'name': 'a', 'name': 'b'}]}",
                        "line 1, column 35: Duplicate field 'name'"),
                bad("nested too deep", "{'services': [{'name': 'a', 'readiness': {'x': " + "[".repeat(100),
                        "line 1, column 109: nested more than 64 levels deep"),
                bad("top level a list", "[]", "must be a JSON object with a \"services\" list, was a list"),
                bad("top level null", "null", "must be a JSON object with a \"services\" list, was null"),
                bad("services missing", "{}", "services: missing required field"),
                bad("services misspelt", "{'servises': []}", "servises: unknown field (did you mean \"services\"?)",
                        "services: missing required field"),
                bad("unknown top-level field", "{'services': [{'name': 'a'}], 'version': 2}",
                        "version: unknown field (allowed: \"services\", \"$schema\" and \"description\")"),
                bad("description not a string", "{'description': 7, 'services': [{'name': 'a'}]}",
                        "description: must be a string, was 7"),
                bad("services not a list", "{'services': {'name': 'a'}}",
                        "services: must be a list of services, was an object"),
                bad("services empty", "{'services': []}", "services: must list at least one service"),
                bad("entry not an object", "{'services': [{'name': 'a'}, 'b']}",
                        "services[1]: must be an object with at least a \"name\", was \"b\""),
                bad("name missing", "{'services': [{'kind': 'x'}]}", "services[0]: missing required field \"name\""),
                bad("name a number", "{'services': [{'name': 42}]}", "services[0].name: must be a string, was 42"),
                bad("name blank", "{'services': [{'name': ' '}]}", "services[0].name: must not be blank, was \" \""),
                bad("field of a nameless service", "{'services': [{'critical': 1}]}",
                        "services[0]: missing required field \"name\"",
                        "services[0].critical: must be true or false, was 1"),
                api("dependsOn a string", "'dependsOn': 'core'",
                        "dependsOn: must be a list of service names, was \"core\""),
                api("dependsOn holding a number", "'dependsOn': ['core', 7]",
                        "dependsOn[1]: must be a service name, was 7"),
                api("critical 'yes'", "'critical': 'yes'", "critical: must be true or false, was \"yes\""),
                api("retries a string", "'retries': '3'", "retries: must be a whole number >= 0, was \"3\""),
                api("retries negative", "'retries': -1", "retries: must be a whole number >= 0, was -1"),
                api("retries 2.5", "'retries': 2.5", "retries: must be a whole number >= 0, was 2.5"),
                api("retries beyond int", "'retries': 99999999999", "retries: is too large, was 99999999999"),
                api("startTimeout malformed", "'startTimeout': '30 seconds'",
                        "startTimeout: must be a duration such as " + EXAMPLES + ", was \"30 seconds\""),
                api("startTimeout zero", "'startTimeout': '0s'", "startTimeout: must be > 0, was \"0s\""),
                api("startTimeout negative", "'startTimeout': '-5s'", "startTimeout: must be > 0, was \"-5s\""),
                api("startTimeout negative ISO", "'startTimeout': 'PT-5S'", "startTimeout: must be > 0, was \"PT-5S\""),
                api("startTimeout without unit", "'startTimeout': 30",
                        "startTimeout: must have a unit, such as \"30s\" or \"500ms\", was 30"),
                api("startTimeout past a day, which overflowed 'long' at start (serve exited 70)",
                        "'startTimeout': '99999999h'", "startTimeout: \"99999999h\" is out of range (at most 24h)"),
                api("startTimeout too long to parse", "'startTimeout': '99999999999999999999h'",
                        "startTimeout: \"99999999999999999999h\" is out of range (at most 24h)"),
                api("startTimeout a boolean", "'startTimeout': true",
                        "startTimeout: must be a duration such as " + EXAMPLES + ", was true"),
                api("kind a number", "'kind': 5", "kind: must be a string, was 5"),
                api("kind null", "'kind': null", "kind: must be a string, was null"),
                api("readiness a string", "'readiness': 'SELECT 1'",
                        "readiness: must be an object of settings, was \"SELECT 1\""),
                api("readiness holding null", "'readiness': {'checks': [{'url': null}]}",
                        "readiness.checks[0].url: must not be null; leave the setting out instead"),
                api("misspelt field", "'dependOn': ['core']", "dependOn: unknown field (did you mean \"dependsOn\"?)"),
                api("wrongly cased field", "'StartTimeout': '1s'",
                        "StartTimeout: unknown field (did you mean \"startTimeout\"?)"),
                api("unknown field", "'colour': 'blue'", "colour: unknown field"
                        + " (known fields: name, dependsOn, kind, critical, startTimeout, retries, readiness)"),
                api("key with a line break", "'a\\nb': 1", "a\\nb: unknown field"
                        + " (known fields: name, dependsOn, kind, critical, startTimeout, retries, readiness)"),
                api("unknown dependency", "'dependsOn': ['qeues']}, {'name': 'queues'",
                        "dependsOn: unknown service \"qeues\" (did you mean \"queues\"?)"),
                bad("cycle", "{'services': [{'name': 'a', 'dependsOn': ['b']}, {'name': 'b', 'dependsOn': ['a']}]}",
                        "service \"a\": dependsOn: dependency cycle: a -> b -> a"));
    }

    /** A file that fails with these problems, in this order, each prefixed with the file name. */
    private static Arguments bad(String what, String json, String... problems) {
        return Arguments.of(what, json, "deploy/graph.json: " + String.join("\ndeploy/graph.json: ", problems));
    }

    /** A service "api" with the given fields, failing with one problem about it. */
    private static Arguments api(String what, String fields, String problem) {
        return bad(what, String.format(API, fields), "service \"api\": " + problem);
    }
}
