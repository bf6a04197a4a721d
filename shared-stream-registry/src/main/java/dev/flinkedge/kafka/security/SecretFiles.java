package dev.flinkedge.kafka.security;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Files that hold credentials (tokens, passwords, client properties with a JAAS login): written
 * readable and writable by their owner only, where the file system has POSIX permissions, and read
 * back in Java properties syntax.
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

    /** The entries of {@code file} (Java properties syntax), sorted by key. */
    public static SortedMap<String, String> readProperties(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        SortedMap<String, String> entries = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> entries.put(k, p.getProperty(k)));
        return entries;
    }
}
