-- The operators' runtime state shared by every instance on this database (SharedState): one row
-- holding the mode, kill switches, flag overrides and quarantined agents, and the fleet-wide state
-- version that every shared change (these, or a rollout's state) raises by one. Instances listen
-- for changes (LISTEN/NOTIFY on PostgreSQL) and re-read this row to reconcile.
CREATE TABLE IF NOT EXISTS shared_state (
    id INT PRIMARY KEY,
    version BIGINT NOT NULL,
    mode VARCHAR(20) NOT NULL,
    safe_mode BOOLEAN NOT NULL,
    write_drain BOOLEAN NOT NULL,
    overrides VARCHAR(4000) NOT NULL,
    quarantined VARCHAR(4000) NOT NULL,
    changed_at_ms BIGINT NOT NULL,
    changed_by VARCHAR(200) NOT NULL
);
INSERT INTO shared_state (id, version, mode, safe_mode, write_drain, overrides, quarantined, changed_at_ms, changed_by)
VALUES (1, 0, 'NORMAL', FALSE, FALSE, '{}', '[]', 0, 'migration V7');
-- The shared state version at which each rollout's row was last written, so an instance can tell
-- the rows it has not adopted yet and a write can check nobody changed the row meanwhile.
ALTER TABLE rollouts ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
