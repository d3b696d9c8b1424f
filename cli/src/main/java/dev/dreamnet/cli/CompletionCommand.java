package dev.dreamnet.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dreamnet completion [bash]}: prints a bash completion script; use {@code source <(dreamnet completion)}. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a bash completion script for dreamnet: source <(dreamnet completion)")
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SHELL", defaultValue = "bash",
            description = "The shell; only bash (zsh runs it too after `autoload -U bashcompinit && bashcompinit`).")
    String shell;

    @Override
    public Integer call() {
        if (!"bash".equals(shell)) {
            throw new ParameterException(spec.commandLine(), "SHELL must be bash, was \"" + shell + "\"");
        }
        spec.commandLine().getOut().print(AutoComplete.bash("dreamnet", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
