package dev.dreamnet.cli;

/** The exit codes of every {@code dreamnet} command, documented in the README. */
final class ExitCodes {

    /** Success. */
    static final int OK = 0;
    /** The configuration is invalid or the service failed to start. */
    static final int CONFIG = 1;
    /** Wrong usage: unknown option or missing argument (picocli's own code). */
    static final int USAGE = 2;
    /** The server could not be reached or answered with a server-side error. */
    static final int UNAVAILABLE = 3;
    /** The server refused the token (401 or 403). */
    static final int NO_PERMISSION = 4;
    /** The named thing (breaker, flag, rollout...) does not exist. */
    static final int NOT_FOUND = 5;
    /** An unexpected failure inside the command. */
    static final int SOFTWARE = 70;

    private ExitCodes() {
    }
}
