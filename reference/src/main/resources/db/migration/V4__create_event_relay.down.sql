DROP TABLE IF EXISTS event_relay;
