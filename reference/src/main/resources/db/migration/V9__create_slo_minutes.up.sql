-- Each service level objective's good and bad requests per wall-clock minute and per instance (SloStore),
-- so error budgets survive restarts and are summed over the fleet. Rows older than the objective's window are
-- deleted as new ones are written.
CREATE TABLE IF NOT EXISTS slo_minutes (
    slo VARCHAR(100) NOT NULL,
    instance_id VARCHAR(100) NOT NULL,
    at_minute BIGINT NOT NULL,
    good BIGINT NOT NULL,
    bad BIGINT NOT NULL,
    PRIMARY KEY (slo, instance_id, at_minute)
);
