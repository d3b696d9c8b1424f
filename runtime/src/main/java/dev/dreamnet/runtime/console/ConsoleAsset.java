package dev.dreamnet.runtime.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One file the console serves, read from the classpath once: its bytes, content type and a short content hash that
 * versions its URL (so it can be cached for good). The web layer writes {@link #bytes()} as they are and never changes
 * them.
 */
public record ConsoleAsset(String name, String contentType, byte[] bytes, String version) {

    /** Reads {@code resource} from the classpath; a missing resource is a packaging fault, named in the error. */
    static ConsoleAsset load(String name, String contentType, String resource) {
        try (InputStream in = ConsoleAsset.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("console asset " + name + ": classpath resource " + resource
                        + " is missing from DreamNet's runtime jar (was it built without its resources?)");
            }
            return of(name, contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("console asset " + name + ": cannot read " + resource, e);
        }
    }

    static ConsoleAsset of(String name, String contentType, byte[] bytes) {
        return new ConsoleAsset(name, contentType, bytes, hash(bytes));
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The path the page links, relative to the console's base: {@code name?v=version}. */
    String link() {
        return name + "?v=" + version;
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
