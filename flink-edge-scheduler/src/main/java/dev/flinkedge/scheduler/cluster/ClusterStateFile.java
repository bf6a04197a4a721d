package dev.flinkedge.scheduler.cluster;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Reads and writes {@code <work-dir>/cluster/cluster.json}, the {@link ClusterState} of a running
 * local edge cluster, as pretty-printed JSON with paths as plain strings (so that {@code bin/flink}
 * can read {@code flinkConfDir} with sed). Writes replace the file atomically.
 */
public final class ClusterStateFile {

    static final String FILE_NAME = "cluster.json";

    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .registerModule(
                            new SimpleModule("paths")
                                    .addSerializer(Path.class, new PathSerializer())
                                    .addDeserializer(Path.class, new PathDeserializer()))
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    /** The state file of the cluster whose work directory is {@code workDir}. */
    public ClusterStateFile(Path workDir) {
        this.file = workDir.toAbsolutePath().normalize().resolve("cluster").resolve(FILE_NAME);
    }

    /** The file's path. */
    public Path path() {
        return file;
    }

    /**
     * Reads the state.
     *
     * @return the state, empty when there is no file
     * @throws IOException when the file exists but cannot be read or parsed
     */
    public Optional<ClusterState> read() throws IOException {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(file), ClusterState.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IOException(
                    "cannot read the cluster state "
                            + file
                            + " ("
                            + e.getMessage()
                            + "); stop the cluster's processes by hand and delete the file",
                    e);
        }
    }

    /** Writes {@code state}, replacing the file atomically. */
    void write(ClusterState state) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.write(tmp, JSON.writeValueAsBytes(state));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes the file if it exists. */
    void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Writes a path as its string form. */
    private static final class PathSerializer extends JsonSerializer<Path> {
        @Override
        public void serialize(Path value, JsonGenerator gen, SerializerProvider serializers)
                throws IOException {
            gen.writeString(value.toString());
        }
    }

    /** Reads a path from its string form. */
    private static final class PathDeserializer extends FromStringDeserializer<Path> {
        private static final long serialVersionUID = 1L;

        PathDeserializer() {
            super(Path.class);
        }

        @Override
        protected Path _deserialize(String value, DeserializationContext ctxt) {
            return Path.of(value);
        }
    }
}
