-- Each rollout's definition and persistent state (RolloutStore), so a restart keeps it at its step.
CREATE TABLE IF NOT EXISTS rollouts (
    name VARCHAR(100) PRIMARY KEY,
    steps VARCHAR(400) NOT NULL,
    bake_time_ms BIGINT NOT NULL,
    window_ms BIGINT NOT NULL,
    max_error_rate DOUBLE PRECISION NOT NULL,
    max_p99_ms BIGINT NOT NULL,
    min_requests INT NOT NULL,
    auto_promote BOOLEAN NOT NULL,
    auto_rollback BOOLEAN NOT NULL,
    significance DOUBLE PRECISION NOT NULL,
    latency_tolerance DOUBLE PRECISION NOT NULL,
    status VARCHAR(20) NOT NULL,
    step INT NOT NULL,
    percent DOUBLE PRECISION NOT NULL,
    step_started_at_ms BIGINT NOT NULL,
    reason VARCHAR(1000) NOT NULL,
    hash_version INT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
