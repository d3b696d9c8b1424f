package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Help on every command exits 0; wrong usage exits 2 and says what was wrong. */
class UsageTest {

    @ParameterizedTest(name = "dreamnet {0}")
    @ValueSource(strings = {"--help", "serve --help", "dag --help", "dag validate --help", "dag plan --help",
            "breakers --help", "breaker --help", "overload --help", "overload pin --help", "help", "help serve", "help dag"})
    void helpOnEveryCommandExitsZeroWithUsage(String args) {
        Cli cli = Cli.run(args.split(" "));

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith("Usage: dreamnet");
        assertThat(cli.err()).isEmpty();
    }

    @ParameterizedTest(name = "dreamnet {0}")
    @CsvSource(delimiter = '|', value = {
            "--frobnicate|Unknown option: '--frobnicate'",
            "serve --frobnicate|Unknown option: '--frobnicate'",
            "dag validate --frobnicate|Unknown option: '--frobnicate'",
            "serve --port many|Invalid value for option '--port': 'many' is not an int",
            "dag validate a.json b.json|Unmatched argument at index 3: 'b.json'"})
    void wrongUsageExitsTwoSayingWhatWasWrong(String args, String message) {
        Cli cli = Cli.run(args.split(" "));

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith(message).contains("Usage: dreamnet");
        assertThat(cli.out()).isEmpty();
    }

    /** Since the breaker commands exist, picocli answers an unknown command with the nearest ones, not the usage. */
    @ParameterizedTest(name = "dreamnet {0}")
    @CsvSource(delimiter = '|', value = {"nightmare|Unmatched argument at index 0: 'nightmare'",
            "breakr|Unmatched argument at index 0: 'breakr'"})
    void anUnknownCommandExitsTwoNamingItAndPointingAtTheCommands(String command, String message) {
        Cli cli = Cli.run(command);

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith(message).containsAnyOf("Usage: dreamnet", "Did you mean: dreamnet ");
        assertThat(cli.out()).isEmpty();
    }

    @ParameterizedTest(name = "dreamnet {0}")
    @ValueSource(strings = {"--version", "-V"})
    void versionExitsZero(String flag) {
        Cli cli = Cli.run(flag);

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith("dreamnet ");
    }
}
