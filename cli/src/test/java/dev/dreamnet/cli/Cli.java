package dev.dreamnet.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Runs the {@code dreamnet} command in-process and captures what it prints. */
record Cli(int exitCode, String out, String err) {

    static Cli run(String... args) {
        return run(Map.of(), args);
    }

    /**
     * Runs with {@code defaults} standing in for what the environment gives an option that was not given:
     * {@code Map.of("--token", "t")} as if {@code DREAMNET_TOKEN=t} were exported.
     */
    static Cli run(Map<String, String> defaults, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        if (!defaults.isEmpty()) {
            commandLine.setDefaultValueProvider(arg -> arg instanceof OptionSpec option
                    ? defaults.get(option.longestName()) : null);
        }
        int code = commandLine.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }
}
