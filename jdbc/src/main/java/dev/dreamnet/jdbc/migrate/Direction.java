package dev.dreamnet.jdbc.migrate;

/** Which step of a migration runs. */
public enum Direction {
    UP,
    DOWN
}
