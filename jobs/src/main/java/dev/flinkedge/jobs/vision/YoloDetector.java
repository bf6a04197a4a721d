package dev.flinkedge.jobs.vision;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Finds vehicles and people in an image with a YOLOv8-format ONNX model (input {@code [1, 3, S,
 * S]}, output {@code [1, 4 + classes, boxes]}): letterbox, inference, decode and class-wise
 * non-maximum suppression, all in Java. The input size and class names come from the model's
 * metadata when it has them (Ultralytics exports do), else 640 and the COCO names.
 *
 * <p>Thread-safe: {@link #detect} keeps its buffers on the caller's stack and the model accepts
 * concurrent runs, so one detector can serve all operator instances of a TaskManager (see {@link
 * SharedModels}).
 *
 * <pre>{@code
 * try (YoloDetector yolo = YoloDetector.open(Path.of("yolov8n.onnx"), YoloOptions.defaults())) {
 *     for (Detection d : yolo.detect(ImageIO.read(file))) {
 *         System.out.println(d.label() + " " + d.confidence() + " " + d.box());
 *     }
 * }
 * }</pre>
 */
public final class YoloDetector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(YoloDetector.class);

    /** Most boxes one image yields, as in Ultralytics' {@code max_det}. */
    static final int MAX_DETECTIONS = 300;

    private final OnnxModel model;
    private final YoloOptions options;
    private final int inputWidth;
    private final int inputHeight;
    private final List<String> names;
    private final boolean[] wanted;

    private YoloDetector(
            OnnxModel model,
            YoloOptions options,
            int inputWidth,
            int inputHeight,
            List<String> names,
            boolean[] wanted) {
        this.model = model;
        this.options = options;
        this.inputWidth = inputWidth;
        this.inputHeight = inputHeight;
        this.names = names;
        this.wanted = wanted;
    }

    /**
     * Loads the model at {@code onnxFile} and runs it once on a blank input, which checks its
     * output layout and warms ONNX Runtime up.
     *
     * @param onnxFile a YOLOv8-format ONNX model
     * @param options thresholds and the classes to keep
     * @return a detector; close it (or the {@link SharedModels} lease holding it) when done
     * @throws ModelLoadException when the file is missing or is not a YOLOv8-format detector
     */
    public static YoloDetector open(Path onnxFile, YoloOptions options) {
        Objects.requireNonNull(onnxFile, "onnxFile");
        Objects.requireNonNull(options, "options");
        OnnxModel model = OnnxModel.fromFile(onnxFile);
        try {
            YoloMetadata meta = YoloMetadata.parse(model.metadata());
            int h = meta.inputHeight();
            int w = meta.inputWidth();
            OnnxModel.Tensor out;
            try {
                out = model.run(new float[3 * h * w], 1, 3, h, w);
            } catch (IllegalStateException e) {
                throw new ModelLoadException(
                        "model "
                                + model.name()
                                + " does not take a [1, 3, "
                                + h
                                + ", "
                                + w
                                + "] image input; YoloDetector needs a YOLOv8-format model"
                                + " (an Ultralytics export records its input size as imgsz)",
                        e);
            }
            List<String> names = meta.namesFor(YoloOutput.classCount(out, model.name()));
            boolean[] wanted = new boolean[names.size()];
            for (int c = 0; c < names.size(); c++) {
                wanted[c] = options.classes().contains(names.get(c));
            }
            TreeSet<String> unknown = new TreeSet<>(options.classes());
            names.forEach(unknown::remove);
            if (!unknown.isEmpty()) {
                LOG.warn(
                        "model {} has no class named {}; those will never be detected",
                        model.name(),
                        unknown);
            }
            LOG.info(
                    "YOLO model {}: input {}x{}, {} classes, keeping {}",
                    model.name(),
                    w,
                    h,
                    names.size(),
                    new TreeSet<>(options.classes()));
            return new YoloDetector(model, options, w, h, names, wanted);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * The objects of the kept classes in {@code image}.
     *
     * @return most confident first, boxes in the image's own pixels and clipped to it
     */
    public List<Detection> detect(BufferedImage image) {
        Letterbox box = Letterbox.fit(image.getWidth(), image.getHeight(), inputWidth, inputHeight);
        OnnxModel.Tensor out = model.run(box.tensor(image), 1, 3, inputHeight, inputWidth);
        List<Candidate> kept =
                NonMaxSuppression.apply(
                        YoloOutput.decode(out, options.confidence(), wanted),
                        options.iou(),
                        MAX_DETECTIONS);
        List<Detection> detections = new ArrayList<>(kept.size());
        for (Candidate c : kept) {
            Box b = box.toImage(c.x1(), c.y1(), c.x2(), c.y2());
            if (b != null) {
                detections.add(new Detection(names.get(c.classIndex()), c.score(), b));
            }
        }
        return detections;
    }

    /**
     * A lease on the TaskManager's shared detector for this file and these options, loading it on
     * first use; close the lease when the operator closes.
     */
    public static SharedModels.Lease<YoloDetector> shared(Path onnxFile, YoloOptions options) {
        Path file = onnxFile.toAbsolutePath();
        String key =
                "yolo:"
                        + file
                        + ":"
                        + options.confidence()
                        + ":"
                        + options.iou()
                        + ":"
                        + String.join(",", new TreeSet<>(options.classes()));
        return SharedModels.acquire(key, () -> open(file, options));
    }

    @Override
    public void close() {
        model.close();
    }
}
