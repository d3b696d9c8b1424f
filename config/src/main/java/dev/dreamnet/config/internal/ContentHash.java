package dev.dreamnet.config.internal;

import dev.dreamnet.core.hash.Sha256;

/**
 * The short form of a file's SHA-256 shown as a configuration's version ({@code sha256:3f2a9c01b7e4}),
 * so that a loader and a reloader name the same content the same way. Not API. Stateless.
 */
public final class ContentHash {

    /** How many hex digits of the hash a version shows: enough to tell versions apart at a glance. */
    public static final int VERSION_HEX_DIGITS = 12;

    private ContentHash() {
    }

    /** {@code "sha256:"} and the first {@link #VERSION_HEX_DIGITS} digits of the hex digest {@code sha256Hex}. */
    public static String version(String sha256Hex) {
        return "sha256:" + sha256Hex.substring(0, VERSION_HEX_DIGITS);
    }

    /** The version of content {@code bytes}. */
    public static String versionOf(byte[] bytes) {
        return version(Sha256.hex(bytes));
    }
}
