package dev.flinkedge.jobs.vision;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a YOLO model file says about itself, from the metadata Ultralytics writes on export: {@code
 * imgsz} (e.g. {@code [640, 640]}, height then width) and {@code names} (a Python dict, e.g. <code>
 * {0: 'person', 1: 'bicycle'}</code>). Files without them get a 640×640 input and COCO or numbered
 * class names.
 *
 * @param inputHeight model input height in pixels
 * @param inputWidth model input width in pixels
 * @param names class names by class number, empty when the file has none
 */
record YoloMetadata(int inputHeight, int inputWidth, List<String> names) {
    private static final Logger LOG = LoggerFactory.getLogger(YoloMetadata.class);

    /** Input size of YOLOv8 exports that do not say theirs. */
    static final int DEFAULT_INPUT_SIZE = 640;

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern NAME =
            Pattern.compile("(\\d+)\\s*:\\s*(?:'([^']*)'|\"([^\"]*)\")");

    YoloMetadata {
        if (inputHeight < 32 || inputWidth < 32) {
            throw new IllegalArgumentException(
                    "model input must be at least 32x32, got " + inputWidth + "x" + inputHeight);
        }
        names = List.copyOf(names);
    }

    /** Reads {@code imgsz} and {@code names} from an ONNX file's custom metadata. */
    static YoloMetadata parse(Map<String, String> metadata) {
        int height = DEFAULT_INPUT_SIZE;
        int width = DEFAULT_INPUT_SIZE;
        String imgsz = metadata.get("imgsz");
        if (imgsz != null) {
            List<Integer> sizes = new ArrayList<>();
            Matcher m = NUMBER.matcher(imgsz);
            while (m.find()) {
                sizes.add(Integer.parseInt(m.group()));
            }
            if (sizes.size() == 1 || sizes.size() == 2) {
                height = sizes.get(0);
                width = sizes.get(sizes.size() - 1);
            } else {
                LOG.warn(
                        "model metadata imgsz='{}' is not [height, width]; assuming {}x{}",
                        imgsz,
                        DEFAULT_INPUT_SIZE,
                        DEFAULT_INPUT_SIZE);
            }
        }
        return new YoloMetadata(height, width, parseNames(metadata.get("names")));
    }

    private static List<String> parseNames(String names) {
        if (names == null) {
            return List.of();
        }
        TreeMap<Integer, String> byNumber = new TreeMap<>();
        Matcher m = NAME.matcher(names);
        while (m.find()) {
            byNumber.put(
                    Integer.parseInt(m.group(1)), m.group(2) != null ? m.group(2) : m.group(3));
        }
        if (byNumber.isEmpty() || byNumber.lastKey() != byNumber.size() - 1) {
            LOG.warn(
                    "model metadata names='{}' does not number classes 0..n-1; ignoring it", names);
            return List.of();
        }
        return List.copyOf(byNumber.values());
    }

    /**
     * The names of a model with {@code classes} classes: the file's own when they fit, else the
     * COCO names for 80 classes, else {@code class0}, {@code class1}, …
     */
    List<String> namesFor(int classes) {
        if (names.size() == classes) {
            return names;
        }
        if (!names.isEmpty()) {
            LOG.warn(
                    "model metadata names {} classes but the output has {}; ignoring the names",
                    names.size(),
                    classes);
        }
        if (classes == CocoClasses.NAMES.size()) {
            return CocoClasses.NAMES;
        }
        List<String> numbered = new ArrayList<>(classes);
        for (int i = 0; i < classes; i++) {
            numbered.add("class" + i);
        }
        return List.copyOf(numbered);
    }
}
