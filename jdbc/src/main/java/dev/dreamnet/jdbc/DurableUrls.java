package dev.dreamnet.jdbc;

import java.util.Locale;

/**
 * Makes an embedded H2 database durable on commit. H2 delays writing commits to its file by default
 * ({@code WRITE_DELAY}, 500 ms), so a process killed after a commit was acknowledged loses it, and the
 * identity values it used are handed out again. With {@code WRITE_DELAY=0} every commit is written to
 * the file before the commit returns: a crash of the process loses nothing that was acknowledged. The
 * file is not forced to disk on each commit, so an operating-system crash or power loss can still lose
 * the last commits; data that must survive those belongs on PostgreSQL. Stateless and thread-safe.
 */
public final class DurableUrls {

    private static final String WRITE_DELAY = "WRITE_DELAY";

    private DurableUrls() {
    }

    /**
     * {@code jdbcUrl} with {@code ;WRITE_DELAY=0} added when it names an H2 database on disk and does not
     * set a write delay itself (an explicit setting is the user's informed choice and is kept). Every
     * other URL, in-memory H2 included, is returned unchanged.
     */
    public static String durableOnCommit(String jdbcUrl) {
        if (!onDiskH2(jdbcUrl) || writeDelayOf(jdbcUrl) != null) {
            return jdbcUrl;
        }
        return jdbcUrl + ";" + WRITE_DELAY + "=0";
    }

    /** Whether {@code jdbcUrl} is an H2 database on disk that can lose acknowledged commits when the process dies. */
    public static boolean losesCommitsInACrash(String jdbcUrl) {
        return onDiskH2(jdbcUrl) && !"0".equals(writeDelayOf(jdbcUrl));
    }

    /**
     * Whether {@code jdbcUrl} is an embedded H2 database on disk (not in memory, not a server's): one whose
     * commits this process writes, and which it must close with {@code SHUTDOWN} before it exits.
     */
    public static boolean onDiskH2(String jdbcUrl) {
        if (Dialect.ofUrl(jdbcUrl) != Dialect.H2) {
            return false;
        }
        String location = jdbcUrl.substring("jdbc:h2:".length()).toLowerCase(Locale.ROOT);
        return !location.startsWith("mem:") && !location.startsWith("tcp:") && !location.startsWith("ssl:");
    }

    /** The value of the {@code WRITE_DELAY} setting in the URL, trimmed, or null when it sets none. */
    private static String writeDelayOf(String jdbcUrl) {
        String[] parts = jdbcUrl.split(";");
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals > 0 && parts[i].substring(0, equals).trim().equalsIgnoreCase(WRITE_DELAY)) {
                return parts[i].substring(equals + 1).trim();
            }
        }
        return null;
    }
}
