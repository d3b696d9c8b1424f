package dev.dreamnet.cli;

import dev.dreamnet.core.time.Clock;
import dev.dreamnet.jdbc.migrate.DirtyAction;
import dev.dreamnet.jdbc.migrate.MigrationException;
import dev.dreamnet.jdbc.migrate.MigrationRun;
import dev.dreamnet.jdbc.migrate.MigrationStatus;
import dev.dreamnet.jdbc.migrate.Migrator;
import dev.dreamnet.jdbc.migrate.RepairResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dreamnet migrate status|up|down --to V|repair}: versioned schema migrations on the embedded
 * database or {@code --db}. Exit 0 on success, 1 when a migration fails or is refused (changed, dirty,
 * no down step), 2 for bad input, 3 when the database cannot be opened.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply, inspect, roll back and repair database migrations (see docs/MIGRATIONS.md).",
        subcommands = {MigrateCommand.Status.class, MigrateCommand.Up.class, MigrateCommand.Down.class,
                MigrateCommand.Repair.class})
final class MigrateCommand {

    private static final Pattern VERSION = Pattern.compile("[Vv]?(\\d{1,18})");

    /** Opens the database, runs the body with a migrator, and turns every failure into one line and a code. */
    abstract static class MigrateAction implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        MigrateOptions options;

        /** Whether this command may create the embedded database when it does not exist yet. */
        boolean mayCreate() {
            return false;
        }

        /** Checks the command's own arguments before the database is opened; throws IllegalArgumentException. */
        void validate() {
        }

        abstract void run(Migrator.Builder migrator, MigrationDatabase database, PrintWriter out);

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                validate();
            } catch (IllegalArgumentException e) {
                err.println("dreamnet: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            try (MigrationDatabase database = MigrationDatabase.open(options.jdbcUrl(mayCreate()))) {
                Migrator.Builder builder = Migrator.builder().dataSource(database).source(options.source());
                run(builder, database, spec.commandLine().getOut());
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                err.println("dreamnet: " + e.getMessage());
                return ExitCodes.USAGE;
            } catch (MigrationDatabase.Unavailable e) {
                err.println("dreamnet: " + e.getMessage());
                return ExitCodes.UNAVAILABLE;
            } catch (MigrationException e) {
                err.println("dreamnet: " + e.getMessage());
                return ExitCodes.CONFIG;
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show every migration: APPLIED, PENDING, DIRTY, CHANGED (file edited) or MISSING (unknown here).")
    static final class Status extends MigrateAction {
        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Override
        void run(Migrator.Builder migrator, MigrationDatabase database, PrintWriter out) {
            MigrationStatus status = migrator.build().status();
            if (json) {
                out.println(MigrateOutput.json(database.url(), status));
            } else {
                MigrateOutput.table(database.url(), status, out);
            }
        }
    }

    @Command(name = "up", mixinStandardHelpOptions = true, description = "Apply every pending migration, in version order.")
    static final class Up extends MigrateAction {
        @Override
        boolean mayCreate() {
            return true;
        }

        @Override
        void run(Migrator.Builder migrator, MigrationDatabase database, PrintWriter out) {
            MigrationRun run = migrator.progress(new MigrateOutput.Progress(out, Clock.system())).build().up();
            out.println(run.steps().isEmpty() ? "nothing to apply: " + database.url() + " is up to date"
                    : "applied " + run.steps().size() + " migration(s) in " + run.took().toMillis() + " ms");
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = "Roll back, newest first, every applied migration above --to (0 rolls back everything).")
    static final class Down extends MigrateAction {
        @Option(names = "--to", paramLabel = "VERSION", required = true,
                description = "The version to end at, such as 3 or V3; 0 reverts everything.")
        String to;
        long target;

        @Override
        void validate() {
            target = version(to);
        }

        @Override
        void run(Migrator.Builder migrator, MigrationDatabase database, PrintWriter out) {
            MigrationRun run = migrator.progress(new MigrateOutput.Progress(out, Clock.system())).build().down(target);
            out.println(run.steps().isEmpty() ? "nothing to roll back: no applied migration above V" + target
                    : "rolled back " + run.steps().size() + " migration(s) to V" + target + " in "
                    + run.took().toMillis() + " ms");
        }
    }

    @Command(name = "repair", mixinStandardHelpOptions = true,
            description = "Accept edited migration files (record their checksums) and clear dirty marks after"
                    + " checking the database by hand. Runs no migration.")
    static final class Repair extends MigrateAction {
        @Option(names = "--rerun", description = "Dirty steps run again instead of counting as done"
                + " (for idempotent steps, or ones undone by hand).")
        boolean rerun;

        @Override
        void run(Migrator.Builder migrator, MigrationDatabase database, PrintWriter out) {
            RepairResult result = migrator.build().repair(rerun ? DirtyAction.RERUN : DirtyAction.MARK_DONE);
            if (result.changes().isEmpty()) {
                out.println("nothing to repair");
            }
            result.changes().forEach(change -> out.println("repaired " + change));
        }
    }

    static long version(String text) {
        Matcher matcher = VERSION.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("--to must be a version such as 3 or V3 (0 for none), was \"" + text + "\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
