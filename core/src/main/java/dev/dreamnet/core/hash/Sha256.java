package dev.dreamnet.core.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests, the one hash the toolkit uses (content versions, migration checksums, token
 * digests). Each thread keeps its own {@link MessageDigest}, reset by every call: looking one up
 * per call cost more than hashing a small file. Thread-safe and stateless to callers.
 */
public final class Sha256 {

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);
    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {
    }

    /** The 32-byte digest of {@code bytes}. */
    public static byte[] of(byte[] bytes) {
        return DIGEST.get().digest(bytes);
    }

    /** The 32-byte digest of {@code text} encoded as UTF-8. */
    public static byte[] of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest of {@code bytes} as 64 lower-case hex digits. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(of(bytes));
    }

    /** The digest of {@code text} (UTF-8) as 64 lower-case hex digits. */
    public static String hex(String text) {
        return HEX.formatHex(of(text));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
