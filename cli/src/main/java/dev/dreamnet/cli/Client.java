package dev.dreamnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a client command: prints JSON when asked, and turns every failure into one line and an exit code. */
final class Client {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The body of a client command; returns JSON to print as is, or null when it printed a summary. */
    interface Action {
        JsonNode run() throws ClientException;
    }

    private Client() {
    }

    static int run(CommandSpec spec, Action action) {
        try {
            JsonNode json = action.run();
            if (json != null) {
                spec.commandLine().getOut().println(PRETTY.writeValueAsString(json));
            }
            return ExitCodes.OK;
        } catch (ClientException e) {
            spec.commandLine().getErr().println("dreamnet: " + e.getMessage());
            return e.exitCode();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("dreamnet: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            spec.commandLine().getErr().println("dreamnet: cannot print the answer: " + e.getOriginalMessage());
            return ExitCodes.SOFTWARE;
        }
    }

    /**
     * {@code name} encoded as one segment of a request's path. A name no path can carry is a usage error naming
     * {@code parameter} (NAME), before anything is sent: empty, {@code .} or {@code ..} (the URL would resolve them
     * away, to another path), or with {@code /} or {@code \} (which servers refuse encoded) or a control character.
     */
    static String segment(String parameter, String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..")
                || name.chars().anyMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c))) {
            throw new IllegalArgumentException(parameter + " must not be empty, \".\" or \"..\", nor contain /, \\ or "
                    + "a control character (it is one segment of a URL path), was \"" + ApiClient.visible(name)
                    + "\"; nothing was sent");
        }
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
