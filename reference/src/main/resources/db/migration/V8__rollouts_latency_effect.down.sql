ALTER TABLE rollouts DROP COLUMN latency_effect;
