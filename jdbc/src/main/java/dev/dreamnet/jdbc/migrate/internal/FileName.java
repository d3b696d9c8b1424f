package dev.dreamnet.jdbc.migrate.internal;

import dev.dreamnet.jdbc.migrate.MigrationException;

/**
 * A parsed migration file name {@code V<version>__<name>.up.sql} or {@code V<version>__<name>.down.sql}.
 * Parsed by hand, not by a regular expression: a no-op run parses 1,000s of them. Immutable.
 */
record FileName(long version, String name, boolean up) {

    private static final String UP = ".up.sql";
    private static final String DOWN = ".down.sql";

    /**
     * The parsed name, or null for a file that is not meant as a migration (not {@code V...sql}).
     *
     * @throws MigrationException naming {@code location} for a {@code V...sql} file off the scheme
     */
    static FileName parse(String location, String fileName) {
        if (!fileName.startsWith("V") || !fileName.endsWith(".sql")) {
            return null;
        }
        int digitsEnd = 1;
        while (digitsEnd < fileName.length() && isDigit(fileName.charAt(digitsEnd))) {
            digitsEnd++;
        }
        boolean up = fileName.endsWith(UP);
        int nameEnd = fileName.length() - (up ? UP.length() : DOWN.length());
        int nameStart = digitsEnd + 2;
        if (digitsEnd == 1 || !fileName.startsWith("__", digitsEnd) || !(up || fileName.endsWith(DOWN))
                || nameEnd <= nameStart || !validName(fileName, nameStart, nameEnd)) {
            throw new MigrationException(location + ": migration file names must look like"
                    + " V<version>__<name>.up.sql or V<version>__<name>.down.sql, e.g. V0001__create_dreams.up.sql");
        }
        return new FileName(version(location, fileName.substring(1, digitsEnd)),
                fileName.substring(nameStart, nameEnd), up);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean validName(String fileName, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = fileName.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!letter && !isDigit(c) && c != '_' && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static long version(String location, String digits) {
        try {
            long version = Long.parseLong(digits);
            if (version < 1) {
                throw new MigrationException(location + ": version must be >= 1, was " + digits);
            }
            return version;
        } catch (NumberFormatException e) {
            throw new MigrationException(location + ": version " + digits + " is too large");
        }
    }
}
