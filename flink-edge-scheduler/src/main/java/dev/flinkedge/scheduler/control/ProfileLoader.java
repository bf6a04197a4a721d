package dev.flinkedge.scheduler.control;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes profiles as JSON, strictly (unknown fields, missing fields and bad values are
 * errors naming the entry):
 *
 * <pre>{@code
 * {"description": "synthetic scene, yolov8n, 2 cores",
 *  "configurations": [
 *    {"width": 1280, "height": 720, "fps": 10, "accuracy": 0.91,
 *     "processingMsPerFrame": 90, "bytesPerFrame": 95000},
 *    {"width": 640, "height": 360, "fps": 10, "accuracy": 0.84,
 *     "processingMsPerFrame": 28, "bytesPerFrame": 27000}]}
 * }</pre>
 */
public final class ProfileLoader {

    private static final ObjectMapper JSON =
            JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                    .build();

    private ProfileLoader() {}

    /**
     * Reads a profile file.
     *
     * @throws IOException when the file cannot be read or is not a valid profile; the message names
     *     the file and what is wrong
     */
    public static Profile load(Path file) throws IOException {
        try {
            return parse(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IOException("Profile file " + file + " does not exist", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("Profile file " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a profile from JSON bytes.
     *
     * @throws IOException when the JSON does not match the format
     * @throws IllegalArgumentException when a value is out of range
     */
    public static Profile parse(byte[] json) throws IOException {
        ProfileJson p = JSON.readValue(json, ProfileJson.class);
        if (p.configurations() == null) {
            throw new IllegalArgumentException("'configurations' is missing");
        }
        List<ProfileEntry> entries = new ArrayList<>();
        for (int i = 0; i < p.configurations().size(); i++) {
            EntryJson e = p.configurations().get(i);
            try {
                entries.add(
                        new ProfileEntry(
                                new VideoConfig(e.width(), e.height(), e.fps()),
                                e.accuracy(),
                                e.processingMsPerFrame(),
                                e.bytesPerFrame()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(
                        "configurations[" + i + "]: " + ex.getMessage(), ex);
            }
        }
        return new Profile(p.description(), entries);
    }

    /** The JSON form of {@code profile}, which {@link #parse} reads back. */
    public static byte[] toJson(Profile profile) throws IOException {
        List<EntryJson> entries = new ArrayList<>();
        for (ProfileEntry e : profile.entries()) {
            entries.add(
                    new EntryJson(
                            e.config().width(),
                            e.config().height(),
                            e.config().fps(),
                            e.accuracy(),
                            e.processingMsPerFrame(),
                            e.bytesPerFrame()));
        }
        return JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(new ProfileJson(profile.description(), entries));
    }

    private record ProfileJson(String description, List<EntryJson> configurations) {}

    private record EntryJson(
            int width,
            int height,
            double fps,
            double accuracy,
            double processingMsPerFrame,
            long bytesPerFrame) {}
}
