package dev.dreamnet.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes an admin token file as an operator would: one token a line, readable by its owner only. */
final class AdminTokenFile {

    private AdminTokenFile() {
    }

    static Path create(Path file, String... tokens) throws IOException {
        Files.writeString(file, String.join("\n", tokens) + "\n");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return file;
    }
}
