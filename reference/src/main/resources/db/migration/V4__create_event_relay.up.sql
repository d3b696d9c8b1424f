-- How far the outbox relay (DreamEventRelay) has published dream events: one row per relay.
CREATE TABLE IF NOT EXISTS event_relay (
    relay VARCHAR(64) PRIMARY KEY,
    last_id BIGINT NOT NULL
);
