-- The instances sharing this database (InstanceRegistry): each writes a heartbeat with the
-- configuration and flag-state versions it runs, so convergence is visible, not assumed.
CREATE TABLE IF NOT EXISTS instances (
    id VARCHAR(100) PRIMARY KEY,
    address VARCHAR(300) NOT NULL,
    started_at_ms BIGINT NOT NULL,
    heartbeat_at_ms BIGINT NOT NULL,
    config_version VARCHAR(100) NOT NULL,
    state_version BIGINT NOT NULL
);
