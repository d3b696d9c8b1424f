-- The rollout judge's latency distribution tolerance (RolloutConfig.latencyEffect); older rollouts take the default.
ALTER TABLE rollouts ADD COLUMN latency_effect DOUBLE PRECISION DEFAULT 0.03 NOT NULL;
