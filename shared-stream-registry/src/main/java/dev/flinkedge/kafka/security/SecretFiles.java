package dev.flinkedge.kafka.security;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;

/**
 * Writes files that hold credentials (tokens, passwords, client properties with a JAAS login)
 * readable and writable by their owner only, where the file system has POSIX permissions.
 */
public final class SecretFiles {

    private SecretFiles() {}

    /** Replaces {@code file} with {@code entries} in Java properties syntax, mode 0600. */
    public static void writeProperties(Path file, Map<String, String> entries, String comment)
            throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(
                    file,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
        }
        Properties p = new Properties();
        p.putAll(entries);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, comment);
        }
    }
}
