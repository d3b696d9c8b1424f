package dev.dreamnet.runtime.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dreamnet.core.flags.FlagState;
import dev.dreamnet.core.flags.KillSwitches;
import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.runtime.fleet.SharedState.Change;
import dev.dreamnet.runtime.fleet.SharedState.Pin;
import dev.dreamnet.runtime.fleet.SharedState.Row;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The {@code shared_state} table's one row, read and written as SQL: {@link SharedState}'s transactions use it. */
final class SharedRow {

    private static final ObjectMapper JSON = new ObjectMapper(); // flat maps and sets of strings only
    private static final TypeReference<Map<String, Boolean>> OVERRIDES = new TypeReference<>() { };
    private static final TypeReference<Set<String>> AGENTS = new TypeReference<>() { };

    private SharedRow() {
    }

    /** The shared row as {@code c} reads it, locked for the rest of the transaction when {@code forUpdate}. */
    static Row read(Connection c, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT version, mode, safe_mode, write_drain, overrides, "
                + "quarantined, changed_at_ms, changed_by, brownout_pinned_by, brownout_pin_reason FROM shared_state "
                + "WHERE id = 1" + (forUpdate ? " FOR UPDATE" : ""));
             ResultSet r = select.executeQuery()) {
            if (!r.next()) {
                throw new SQLException("shared_state has no row 1: the schema is older than migration V7");
            }
            long version = r.getLong(1);
            FlagState flags = new FlagState(Mode.valueOf(r.getString(2)), new KillSwitches(r.getBoolean(3), r.getBoolean(4)),
                    parse(r.getString(5), OVERRIDES), parse(r.getString(6), AGENTS), version);
            String pinnedBy = r.getString(9);
            return new Row(version, flags, r.getLong(7), r.getString(8),
                    pinnedBy == null ? null : new Pin(pinnedBy, r.getString(10)));
        }
    }

    /** Writes the change's state at its version, changed by {@code actor} at {@code now}; returns the row as it now stands. */
    static Row write(Connection c, Change change, String actor, long now) throws SQLException {
        long version = change.version();
        FlagState changed = change.flags();
        FlagState flags = new FlagState(changed.mode(), changed.killSwitches(), changed.overrides(),
                changed.quarantinedAgents(), version);
        String by = actor.length() > 200 ? actor.substring(0, 200) : actor;
        try (PreparedStatement update = c.prepareStatement("UPDATE shared_state SET version = ?, mode = ?, safe_mode = ?, "
                + "write_drain = ?, overrides = ?, quarantined = ?, changed_at_ms = ?, changed_by = ?, "
                + "brownout_pinned_by = ?, brownout_pin_reason = ? WHERE id = 1")) {
            update.setLong(1, version);
            update.setString(2, flags.mode().name());
            update.setBoolean(3, flags.killSwitches().safeMode());
            update.setBoolean(4, flags.killSwitches().writeDrain());
            update.setString(5, json(new TreeMap<>(flags.overrides())));
            update.setString(6, json(new TreeSet<>(flags.quarantinedAgents())));
            update.setLong(7, now);
            update.setString(8, by);
            Pin pin = change.pin();
            update.setString(9, pin == null ? null : pin.by());
            update.setString(10, pin == null ? null : pin.reason());
            update.executeUpdate();
        }
        return new Row(version, flags, now, by, change.pin());
    }

    private static String json(Object value) throws SQLException {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot write the shared state: " + e.getMessage(), e);
        }
    }

    private static <T> T parse(String text, TypeReference<T> type) throws SQLException {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("shared_state holds unreadable JSON " + text + ": " + e.getOriginalMessage(), e);
        }
    }
}
