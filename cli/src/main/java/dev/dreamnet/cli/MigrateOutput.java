package dev.dreamnet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.jdbc.migrate.Direction;
import dev.dreamnet.jdbc.migrate.MigrationEvent;
import dev.dreamnet.jdbc.migrate.MigrationInfo;
import dev.dreamnet.jdbc.migrate.MigrationListener;
import dev.dreamnet.jdbc.migrate.MigrationStatus;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;

/** How the {@code migrate} commands print: the status table or JSON, and progress lines. */
final class MigrateOutput {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String ROW = "%-8s %-8s %-32s %-24s %s%n";

    private MigrateOutput() {
    }

    static void table(String database, MigrationStatus status, PrintWriter out) {
        out.printf("%s: schema at V%d, %d applied, %d pending%s%n", database, status.currentVersion(),
                status.migrations().stream().filter(i -> i.appliedAt() != null).count(),
                status.migrations().stream().filter(i -> i.appliedAt() == null).count(),
                status.upToDate() ? "" : " (dreamnet migrate up applies pending ones; DIRTY/CHANGED need repair)");
        if (status.migrations().isEmpty()) {
            return;
        }
        out.printf(ROW, "VERSION", "STATE", "NAME", "APPLIED AT", "BY / DETAIL");
        for (MigrationInfo info : status.migrations()) {
            boolean plain = info.state().name().equals("APPLIED") || info.state().name().equals("PENDING");
            out.printf(ROW, "V" + info.version(), info.state(), info.name(),
                    info.appliedAt() == null ? "-" : info.appliedAt().toString(),
                    plain ? (info.appliedBy() == null ? "" : info.appliedBy()) : info.detail());
        }
    }

    static String json(String database, MigrationStatus status) {
        ObjectNode root = JSON.createObjectNode();
        root.put("database", database);
        root.put("upToDate", status.upToDate());
        root.put("currentVersion", status.currentVersion());
        ArrayNode list = root.putArray("migrations");
        for (MigrationInfo info : status.migrations()) {
            ObjectNode node = list.addObject();
            node.put("version", info.version());
            node.put("name", info.name());
            node.put("state", info.state().name());
            node.put("location", info.location());
            node.put("checksum", info.checksum());
            node.put("appliedChecksum", info.appliedChecksum());
            node.put("appliedAt", info.appliedAt() == null ? null : info.appliedAt().toString());
            node.put("durationMs", info.durationMs());
            node.put("appliedBy", info.appliedBy());
            node.put("detail", info.detail());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Progress lines: every step of a short run (up to 20), at most one a second for a long one, plus its
     * last step. Called on the migrating thread only.
     */
    static final class Progress implements MigrationListener {
        private static final int EVERY_STEP_UP_TO = 20;
        private static final long INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

        private final PrintWriter out;
        private final Clock clock;
        private long lastLine;

        Progress(PrintWriter out, Clock clock) {
            this.out = out;
            this.clock = clock;
            this.lastLine = clock.nanoTime();
        }

        @Override
        public void onEvent(MigrationEvent event) {
            if (!(event instanceof MigrationEvent.Finished done)) {
                return;
            }
            long now = clock.nanoTime();
            boolean due = done.total() <= EVERY_STEP_UP_TO || done.index() == done.total()
                    || now - lastLine >= INTERVAL_NANOS;
            if (due) {
                lastLine = now;
                out.printf("  [%d/%d] %s V%d %s (%d ms)%n", done.index(), done.total(),
                        done.direction() == Direction.UP ? "applied" : "rolled back", done.version(), done.name(),
                        done.took().toMillis());
                out.flush();
            }
        }
    }
}
