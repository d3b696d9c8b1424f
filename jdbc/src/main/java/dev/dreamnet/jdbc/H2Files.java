package dev.dreamnet.jdbc;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** Where an embedded H2 database keeps its data on disk. Stateless and thread-safe. */
public final class H2Files {

    /** A file-system prefix H2 understands ({@code nio:}, {@code split:}, {@code zip:}, ...), not a drive letter. */
    private static final Pattern FILE_SYSTEM = Pattern.compile("^[A-Za-z][A-Za-z0-9]+:.*");

    private H2Files() {
    }

    /**
     * The data file ({@code <name>.mv.db}) of {@code jdbcUrl} when it names an embedded H2 database on disk by a plain
     * path ({@code jdbc:h2:file:/var/lib/app/db}, {@code jdbc:h2:./data/db}, {@code jdbc:h2:~/db}; settings after
     * {@code ;} ignored); empty for any other URL: not H2, in memory, a server's, or on a file system H2 names by a
     * prefix.
     */
    public static Optional<Path> dataFile(String jdbcUrl) {
        if (!DurableUrls.onDiskH2(jdbcUrl)) {
            return Optional.empty();
        }
        String location = jdbcUrl.substring("jdbc:h2:".length());
        int settings = location.indexOf(';');
        if (settings >= 0) {
            location = location.substring(0, settings);
        }
        if (location.regionMatches(true, 0, "file:", 0, "file:".length())) {
            location = location.substring("file:".length());
        }
        if (location.isBlank() || FILE_SYSTEM.matcher(location).matches()) {
            return Optional.empty();
        }
        if (location.startsWith("~")) {
            location = System.getProperty("user.home") + location.substring(1);
        }
        return Optional.of(Path.of(location + ".mv.db"));
    }
}
