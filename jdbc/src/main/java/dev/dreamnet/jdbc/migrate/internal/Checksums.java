package dev.dreamnet.jdbc.migrate.internal;

import dev.dreamnet.core.hash.Sha256;

/** Checksums as recorded in history: {@code sha256:<hex>} of the normalized text. Thread-safe. */
public final class Checksums {

    private Checksums() {
    }

    /** The text without a byte order mark and with {@code \n} line endings, so checkouts on any OS agree. */
    public static String normalize(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return body.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** {@code sha256:} and the hex digest of the UTF-8 text, on the calling thread's own digest (see {@link Sha256}). */
    public static String sha256(String normalizedText) {
        return "sha256:" + Sha256.hex(normalizedText);
    }
}
