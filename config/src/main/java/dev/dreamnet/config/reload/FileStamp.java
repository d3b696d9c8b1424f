package dev.dreamnet.config.reload;

import dev.dreamnet.config.internal.ContentHash;
import dev.dreamnet.config.internal.SmallFile;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.config.yaml.ConfigProblem;
import dev.dreamnet.core.hash.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * What a file looks like now: its modification time, size and content hash. Two stamps differ
 * when any of them does, so an edit that keeps the size and lands within the file system's
 * timestamp resolution is still seen. Immutable.
 */
record FileStamp(FileTime modified, long size, String sha256) {

    /** Larger files are refused, as every configuration loader refuses them. */
    static final int MAX_BYTES = 1 << 20;

    /** The stamp of a file that does not exist, where that is allowed ({@link #of(Path, boolean)}). */
    static final FileStamp MISSING = new FileStamp(null, -1, null);

    /**
     * Stamps the file at {@code file}. The content is read first and the caller loads the file
     * after stamping it, so a write in between is either in what is loaded or makes the next
     * stamp differ: a change can cause one reload too many, never one too few.
     *
     * @throws ConfigException if the file cannot be read or is too large
     */
    static FileStamp of(Path file) throws ConfigException {
        return of(file, false);
    }

    /** As {@link #of(Path)}, but a file that does not exist is {@link #MISSING} when {@code missingAllowed}. */
    static FileStamp of(Path file, boolean missingAllowed) throws ConfigException {
        try {
            byte[] bytes = SmallFile.read(file, MAX_BYTES, "1 MB");
            String sha256 = Sha256.hex(bytes);
            return new FileStamp(Files.getLastModifiedTime(file), Files.size(file), sha256);
        } catch (SmallFile.UnreadableException e) {
            if (missingAllowed && Files.notExists(file)) {
                return MISSING;
            }
            throw unreadable(file, e.getMessage());
        } catch (NoSuchFileException e) {
            if (missingAllowed) {
                return MISSING;
            }
            throw unreadable(file, "cannot read file: No such file or directory");
        } catch (IOException e) {
            throw unreadable(file, "cannot read file: " + e.getClass().getSimpleName());
        }
    }

    /** The content's version, as {@code FlagsConfig.version()} names it. */
    String version() {
        return this == MISSING ? "none: the file does not exist" : ContentHash.version(sha256);
    }

    private static ConfigException unreadable(Path file, String message) {
        return new ConfigException(List.of(new ConfigProblem(file.toString(), 0, "", message)));
    }
}
