package dev.dreamnet.server.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
    private volatile String fileVersion;
    private volatile List<byte[]> fromFile = List.of();

    TokenSource(String name, Map<String, String> environment, String variable, String fileVariable) {
        this.name = name;
        this.fromEnvironment = digests(split(environment.getOrDefault(variable, "")));
        String fileName = environment.get(fileVariable);
        this.file = fileName == null || fileName.isBlank() ? null : Path.of(fileName);
        reloadIfChanged();
    }

    /** Whether any token is configured at all. */
    boolean configured() {
        reloadIfChanged();
        return !fromEnvironment.isEmpty() || !fromFile.isEmpty();
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

    private void reloadIfChanged() {
        if (file == null) {
            return;
        }
        try {
            // Time and size together: a rewrite within the clock's resolution usually changes the size.
            String modified = Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file);
            if (!modified.equals(fileVersion)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
                fromFile = digests(lines);
                fileVersion = modified;
                LOG.info("{} tokens: read {} token(s) from {}", name, lines.size(), file);
            }
        } catch (IOException e) {
            if (fileVersion != null || !fromFile.isEmpty()) {
                LOG.warn("{} tokens: cannot read {} ({}); keeping the last {} token(s) read", name, file,
                        e.getClass().getSimpleName(), fromFile.size());
            }
            fileVersion = null;
        }
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
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
