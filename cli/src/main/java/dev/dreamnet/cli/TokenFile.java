package dev.dreamnet.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A token file as the server reads it (one token a line, {@code #} comments): adds a fresh random
 * token or removes one, writing the whole file atomically (temp file then move) with owner-only
 * permissions, so the server never sees half a file. Not thread-safe; one operator at a time.
 */
final class TokenFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;

    TokenFile(Path file) {
        this.file = file;
    }

    /** A new token: 32 random bytes, base64url without padding. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the file exists (following a symbolic link). */
    boolean exists() {
        return Files.exists(file);
    }

    /** The file's lines, comments included; a missing file has none. */
    List<String> lines() throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** The tokens in the file, oldest first. */
    List<String> tokens() throws IOException {
        return lines().stream().map(String::trim).filter(TokenFile::isToken).toList();
    }

    static boolean isToken(String line) {
        return !line.isBlank() && !line.trim().startsWith("#");
    }

    /** Appends {@code token}; returns how many tokens the file now holds. */
    int append(String token) throws IOException {
        List<String> lines = new ArrayList<>(lines());
        lines.add(token);
        write(lines);
        return (int) lines.stream().filter(TokenFile::isToken).count();
    }

    /** Replaces the file's content with {@code lines} atomically, readable by its owner only. */
    void write(List<String> lines) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temp, lines.isEmpty() ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            move(temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void move(Path temp) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
