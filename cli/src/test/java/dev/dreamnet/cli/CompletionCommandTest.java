package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code dreamnet completion}: a bash script that completes every subcommand. */
class CompletionCommandTest {

    @Test
    void printsABashScriptNamingTheSubcommands() {
        Cli cli = Cli.run("completion");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_dreamnet", "brownout", "write-drain", "rollout", "keys", "rotate",
                        "--create", "force-open", "migrate", "doctor", "overload", "unpin");
    }

    @Test
    void bashCanBeNamed() {
        assertThat(Cli.run("completion", "bash").out()).isEqualTo(Cli.run("completion").out());
    }

    @Test
    void anotherShellExitsTwoInOneLine() {
        Cli cli = Cli.run("completion", "fish");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("SHELL must be bash, was \"fish\"");
    }
}
