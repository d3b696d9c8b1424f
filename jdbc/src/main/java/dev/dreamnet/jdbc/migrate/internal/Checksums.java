package dev.dreamnet.jdbc.migrate.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Checksums as recorded in history: {@code sha256:<hex>} of the normalized text. Thread-safe. */
public final class Checksums {

    /** A digest per thread, reset by each {@code digest}: looking one up per file cost more than hashing it. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });
    private static final HexFormat HEX = HexFormat.of();

    private Checksums() {
    }

    /** The text without a byte order mark and with {@code \n} line endings, so checkouts on any OS agree. */
    public static String normalize(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return body.replace("\r\n", "\n").replace('\r', '\n');
    }

    public static String sha256(String normalizedText) {
        byte[] hash = SHA256.get().digest(normalizedText.getBytes(StandardCharsets.UTF_8));
        return "sha256:" + HEX.formatHex(hash);
    }
}
