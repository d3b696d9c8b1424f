package dev.dreamnet.config.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a configuration file whole, refusing one larger than a limit after reading at most one
 * byte past it, so that even an endless file is refused quickly. Not API. Stateless.
 */
public final class SmallFile {

    private SmallFile() {
    }

    /** Why a file could not be read, in one line such as {@code cannot read file: Permission denied}. */
    public static final class UnreadableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableException(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Returns the bytes of {@code file}.
     *
     * @param limitName how a message names the limit, for example {@code 1 MB}
     * @throws UnreadableException if it cannot be read or holds more than {@code maxBytes}
     */
    public static byte[] read(Path file, int maxBytes, String limitName) throws UnreadableException {
        try {
            // A named pipe would block the open until something writes to it, and is read only once.
            if (Files.readAttributes(file, BasicFileAttributes.class).isOther()) {
                throw new UnreadableException("cannot read file: not a regular file (a pipe or a device)");
            }
        } catch (IOException e) {
            // not there or not readable: the read below says which, in its words
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new UnreadableException(tooLarge(limitName));
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new UnreadableException("cannot read file: No such file or directory");
        } catch (AccessDeniedException e) {
            throw new UnreadableException("cannot read file: Permission denied");
        } catch (FileSystemException e) {
            throw cannotRead(e.getReason());
        } catch (IOException e) {
            throw cannotRead(e.getMessage());
        }
    }

    private static UnreadableException cannotRead(String reason) {
        return new UnreadableException("cannot read file: " + (reason == null ? "I/O error" : Text.oneLine(reason)));
    }

    /** The message for a file over the limit, the same whether read from disk or given as text. */
    public static String tooLarge(String limitName) {
        return "file is larger than " + limitName + "; refusing to read it";
    }
}
