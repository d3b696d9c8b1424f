package dev.dreamnet.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dreamnet keys rotate|retire --file FILE}: rotates the admin tokens in the file named by
 * {@code DREAMNET_ADMIN_TOKENS_FILE}, which the running server re-reads on change, so keys
 * rotate without downtime. Rotate refuses a file that does not exist unless {@code --create} is
 * given. Works on the file only; no server is contacted.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Rotate the admin tokens in the token file the server re-reads (see secrets/README.md).",
        subcommands = {KeysCommand.Rotate.class, KeysCommand.Retire.class})
final class KeysCommand {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The options both subcommands share. */
    abstract static class KeysAction implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--file", paramLabel = "FILE",
                defaultValue = "${env:DREAMNET_ADMIN_TOKENS_FILE}",
                description = "The admin token file (default: $DREAMNET_ADMIN_TOKENS_FILE).")
        Path file;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        abstract ObjectNode change(TokenFile tokens) throws IOException, ClientException;

        /** Refuses a file that does not exist, most likely a misspelt path, saying what was not done. */
        void requireExisting(TokenFile tokens, String nothingDone, String orElse) throws ClientException {
            if (!tokens.exists()) {
                throw ClientException.notFound(file + " does not exist; " + nothingDone + " (check the path the server"
                        + " reads, DREAMNET_ADMIN_TOKENS_FILE" + orElse + ")");
            }
        }

        @Override
        public Integer call() {
            if (file == null) {
                spec.commandLine().getErr().println("dreamnet: --file is required (or set DREAMNET_ADMIN_TOKENS_FILE)");
                return ExitCodes.USAGE;
            }
            return Client.run(spec, () -> {
                try {
                    ObjectNode result = change(new TokenFile(file)).put("file", file.toString());
                    return json ? result : print(result);
                } catch (IOException e) {
                    throw ClientException.config(file + ": cannot update the token file: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()));
                }
            });
        }

        /** Prints the summary and returns null: nothing more to print. */
        abstract ObjectNode print(ObjectNode result);
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Append a new random admin token (old ones stay valid) and print it once.")
    static final class Rotate extends KeysAction {
        @Option(names = "--create", description = "Create the file if it does not exist (a first token file).")
        boolean create;

        @Override
        ObjectNode change(TokenFile tokens) throws IOException, ClientException {
            // A misspelt path must not "rotate" into a new file the server never reads.
            if (!create) {
                requireExisting(tokens, "nothing rotated", ", or pass --create to start a new token file");
            }
            String token = TokenFile.newToken();
            int valid = tokens.append(token);
            return NODES.objectNode().put("token", token).put("validTokens", valid);
        }

        @Override
        ObjectNode print(ObjectNode result) {
            spec.commandLine().getOut().println(result.path("token").asText());
            return null;
        }
    }

    /** Which token to retire: one named, or all but the newest. */
    static final class Which {
        @Option(names = "--token", paramLabel = "OLD", description = "The token to remove.")
        String token;

        @Option(names = "--keep-newest", description = "Remove every token but the last one added.")
        boolean keepNewest;
    }

    @Command(name = "retire", mixinStandardHelpOptions = true,
            description = "Remove an old admin token (--token OLD) or all but the newest (--keep-newest).")
    static final class Retire extends KeysAction {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        @Override
        ObjectNode change(TokenFile tokens) throws IOException, ClientException {
            requireExisting(tokens, "nothing retired", "");
            List<String> all = tokens.tokens();
            if (all.isEmpty()) {
                throw ClientException.notFound(file + " holds no token");
            }
            String keep = all.get(all.size() - 1);
            if (which.token != null && !all.contains(which.token.trim())) {
                throw ClientException.notFound(file + " does not hold that token (" + all.size() + " token(s) in it)");
            }
            if (which.token != null && all.size() == 1) {
                throw new IllegalArgumentException("refusing to remove the last token in " + file
                        + ": rotate first (dreamnet keys rotate)");
            }
            List<String> kept = new ArrayList<>();
            for (String line : tokens.lines()) {
                String t = line.trim();
                if (!TokenFile.isToken(line) || (which.token != null ? !t.equals(which.token.trim()) : t.equals(keep))) {
                    kept.add(line);
                }
            }
            tokens.write(kept);
            int left = (int) kept.stream().filter(TokenFile::isToken).count();
            return NODES.objectNode().put("retired", all.size() - left).put("validTokens", left);
        }

        @Override
        ObjectNode print(ObjectNode result) {
            spec.commandLine().getOut().printf("retired %d token(s); %d valid token(s) left in %s%n",
                    result.path("retired").asInt(), result.path("validTokens").asInt(), file);
            return null;
        }
    }
}
