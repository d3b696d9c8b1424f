ALTER TABLE rollouts DROP COLUMN revision;
DROP TABLE IF EXISTS shared_state;
