package dev.dreamnet.server.auth;

import dev.dreamnet.core.hash.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The valid tokens of one kind (admin or read): from an environment variable (comma-separated)
 * and from a file named by another (one per line, {@code #} comments), all valid at once so keys
 * rotate without downtime. The file is re-read when it changes. Tokens are kept only as SHA-256
 * digests and compared in constant time; they are never logged. Thread-safe.
 */
final class TokenSource {

    private static final Logger LOG = LoggerFactory.getLogger(TokenSource.class);

    private final String name;
    private final List<byte[]> fromEnvironment;
    private final Path file;
    private static final long RACY_MILLIS = 2_000;

    /** The file's modification time, content digest and when it was read; guarded by this. */
    private FileTime fileVersion;
    private byte[] fileDigest;
    private long readAtMillis;
    private volatile List<byte[]> fromFile = List.of();
    private String problem; // the last problem with the file logged, null once it reads again; guarded by this
    private volatile boolean fileHadTokens;

    TokenSource(String name, Map<String, String> environment, String variable, String fileVariable) {
        this.name = name;
        this.fromEnvironment = digests(split(environment.getOrDefault(variable, "")));
        String fileName = environment.get(fileVariable);
        this.file = fileName == null || fileName.isBlank() ? null : Path.of(fileName);
        reloadIfChanged();
    }

    /**
     * Whether any token is configured at all. A file that held tokens and was then deleted or emptied
     * still counts: its tokens are revoked, but what they guarded must not fall open (reads, say).
     */
    boolean configured() {
        reloadIfChanged();
        return !fromEnvironment.isEmpty() || !fromFile.isEmpty() || fileHadTokens;
    }

    /** Whether {@code presented} is one of the valid tokens, compared in constant time. */
    boolean accepts(String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        reloadIfChanged();
        byte[] digest = digest(presented);
        boolean match = false;
        for (byte[] valid : fromEnvironment) {
            match |= MessageDigest.isEqual(valid, digest);
        }
        for (byte[] valid : fromFile) {
            match |= MessageDigest.isEqual(valid, digest);
        }
        return match;
    }

    private synchronized void reloadIfChanged() {
        if (file == null) {
            return;
        }
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            // A write within the same timestamp tick keeps the modification time, so while the file's time is
            // close to when it was last read, its content is compared as well (git's "racily clean" rule).
            boolean racy = fileVersion != null && readAtMillis - modified.toMillis() < RACY_MILLIS;
            if (!modified.equals(fileVersion) || racy) {
                long readAt = System.currentTimeMillis();
                byte[] content = Files.readAllBytes(file);
                byte[] contentDigest = Sha256.of(content);
                if (fileVersion == null || !MessageDigest.isEqual(contentDigest, fileDigest)) {
                    List<String> lines = new String(content, StandardCharsets.UTF_8).lines()
                            .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
                    fromFile = digests(lines);
                    fileHadTokens |= !lines.isEmpty();
                    LOG.info("{} tokens: read {} token(s) from {}", name, lines.size(), file);
                }
                fileDigest = contentDigest;
                fileVersion = modified;
                readAtMillis = readAt;
            }
            problem = null;
        } catch (NoSuchFileException e) {
            // Deleting the file revokes its tokens: an operator who removes it expects them to stop working.
            warnOnce("{} tokens: {} no longer exists; its {} token(s) are no longer valid", fromFile.size());
            fromFile = List.of();
            fileVersion = null;
        } catch (IOException e) {
            warnOnce("{} tokens: cannot read {} (" + e.getClass().getSimpleName() + "); keeping the last {} token(s) read",
                    fromFile.size());
            fileVersion = null;
        }
    }

    /** Logs the problem with the file unless it is the one logged last; guarded by this. */
    private void warnOnce(String message, int tokens) {
        if (!message.equals(problem) && (tokens > 0 || readAtMillis > 0)) {
            LOG.warn(message, name, file, tokens);
        }
        problem = message;
    }

    private static List<String> split(String value) {
        List<String> tokens = new ArrayList<>();
        for (String token : value.split(",")) {
            if (!token.isBlank()) {
                tokens.add(token.trim());
            }
        }
        return tokens;
    }

    private static List<byte[]> digests(List<String> tokens) {
        return tokens.stream().map(TokenSource::digest).toList();
    }

    private static byte[] digest(String token) {
        return Sha256.of(token);
    }
}
