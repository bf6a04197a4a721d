package dev.flinkedge.jobs.traffic;

import java.nio.file.Path;

/**
 * Where model files live on a machine that runs the jobs. Lineage records a detector model by file
 * name only (the same weights at different paths are the same computation), so a job that rebuilds
 * an operator from lineage finds the file here: the system property {@value #DIR_PROPERTY}, else
 * the environment variable {@value #DIR_ENV}, else {@code models/} under the system property
 * {@value #ASSETS_PROPERTY}, else {@code work/assets/models} (where {@code bin/fetch-assets} puts
 * them) under the working directory.
 */
public final class ModelFiles {

    /** System property naming the models directory. */
    public static final String DIR_PROPERTY = "flinkedge.models";

    /** Environment variable naming the models directory. */
    public static final String DIR_ENV = "FLINK_EDGE_MODELS";

    /** System property naming the assets directory (with {@code models/} and {@code media/}). */
    public static final String ASSETS_PROPERTY = "flinkedge.assets";

    /** The detector the jobs use unless told otherwise. */
    public static final String DEFAULT_DETECTOR = "yolov8n.onnx";

    private ModelFiles() {}

    /** The models directory of this machine. */
    public static Path directory() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv(DIR_ENV);
        }
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String assets = System.getProperty(ASSETS_PROPERTY);
        return assets != null && !assets.isBlank()
                ? Path.of(assets, "models")
                : Path.of("work", "assets", "models");
    }

    /** {@link #DEFAULT_DETECTOR} in the models directory. */
    public static Path defaultDetector() {
        return directory().resolve(DEFAULT_DETECTOR);
    }
}
