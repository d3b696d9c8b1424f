package dev.dreamnet.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dreamnet} command. Only {@link #main} exits the process; everything else returns a code. */
@Command(name = "dreamnet", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Runs and operates the DreamNet reliability server.",
        subcommands = {ServeCommand.class, DagCommand.class, BreakerCommands.Show.class, BreakerCommands.Change.class,
                FlagCommands.Show.class, FlagCommands.OverrideCommand.class, FlagCommands.Brownout.class,
                FlagCommands.Emergency.class,
                FlagCommands.SafeMode.class, FlagCommands.WriteDrain.class, FlagCommands.AgentCommand.class,
                StatusCommands.Status.class, StatusCommands.Top.class, QueueCommands.class, OverloadCommands.Show.class,
                SloCommands.Show.class,
                RolloutCommands.Show.class, RolloutCommands.Change.class, FleetCommand.class, AuditCommand.class,
                MigrateCommand.class, KeysCommand.class, DoctorCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("dreamnet: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return ExitCodes.SOFTWARE;
        });
        return commandLine;
    }
}
