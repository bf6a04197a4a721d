package dev.flinkedge.jobs.bench.scheduler;

import dev.flinkedge.connectors.model.EdgeRecord;
import dev.flinkedge.connectors.model.Frame;
import dev.flinkedge.jobs.bench.workload.FrameAnalysis;
import dev.flinkedge.jobs.traffic.VehicleImages;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * The benchmark pipeline's work at one site: decodes each frame and runs the {@link
 * VehicleAnalyser} on it, one result per frame, which carries the frame's stage times (capture time
 * and route stamps, for the pipeline metrics) and its ground truth.
 */
public final class AnalyseFrames extends RichMapFunction<Frame, EdgeRecord<FrameAnalysis>> {
    private static final long serialVersionUID = 1L;

    /** The output type. */
    public static final TypeInformation<EdgeRecord<FrameAnalysis>> OUTPUT =
            TypeInformation.of(new TypeHint<EdgeRecord<FrameAnalysis>>() {});

    private final String site;
    private final String modelFile;
    private final int platesPerFrame;
    private transient VehicleAnalyser analyser;

    /**
     * @param site the site this instance runs at, recorded in its results
     * @param model the YOLO model file, at this path on every TaskManager
     * @param platesPerFrame plates read per frame at most
     */
    public AnalyseFrames(String site, Path model, int platesPerFrame) {
        this.site = site;
        this.modelFile = model.toAbsolutePath().toString();
        this.platesPerFrame = platesPerFrame;
    }

    @Override
    public void open(OpenContext context) {
        analyser = VehicleAnalyser.open(Path.of(modelFile), platesPerFrame);
    }

    @Override
    public EdgeRecord<FrameAnalysis> map(Frame frame) {
        BufferedImage image = VehicleImages.decode(frame);
        FrameAnalysis analysis =
                new FrameAnalysis(
                        site,
                        image.getWidth(),
                        image.getHeight(),
                        analyser.analyse(image),
                        frame.groundTruth());
        return EdgeRecord.derivedFrom(frame, analysis)
                .withStage("analysed@" + site, System.currentTimeMillis());
    }

    @Override
    public void close() {
        if (analyser != null) {
            analyser.close();
            analyser = null;
        }
    }
}
