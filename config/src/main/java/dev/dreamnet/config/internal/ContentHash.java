package dev.dreamnet.config.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a file's bytes, and the short form shown as a configuration's version
 * ({@code sha256:3f2a9c01b7e4}), so that a loader and a reloader name the same content the same
 * way. Not API. Stateless.
 */
public final class ContentHash {

    /** How many hex digits of the hash a version shows: enough to tell versions apart at a glance. */
    public static final int VERSION_HEX_DIGITS = 12;

    private ContentHash() {
    }

    /** The full SHA-256 digest of {@code bytes}. */
    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** {@code "sha256:"} and the first {@link #VERSION_HEX_DIGITS} hex digits of {@code digest}. */
    public static String version(byte[] digest) {
        return "sha256:" + HexFormat.of().formatHex(digest).substring(0, VERSION_HEX_DIGITS);
    }

    /** The version of content {@code bytes}. */
    public static String versionOf(byte[] bytes) {
        return version(sha256(bytes));
    }
}
