package dev.flinkedge.jobs.bench;

import dev.flinkedge.connectors.api.EdgeOperator;
import dev.flinkedge.connectors.api.RawSourceFactory;
import dev.flinkedge.connectors.model.EdgeData;
import dev.flinkedge.connectors.model.Frame;

import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * The operators of the sharing benchmark's jobs: x (detection on frames), a (recognition on x's
 * output) and b (attributes on x's output), and the cameras feeding them. The synthetic workload
 * burns a fixed CPU time per call; the jobs module supplies the real models.
 *
 * @param <V> type of x's output (detected vehicles)
 */
public interface SharingWorkload<V> {

    /** One line naming the operators, for progress output. */
    String describe();

    /** Detection, named {@link #DETECT} so that its invocations can be counted. */
    EdgeOperator<? super Frame, V> detect();

    /** Recognition (job a). */
    EdgeOperator<? super V, ? extends EdgeData> recognise();

    /** Attribute recognition (job b). */
    EdgeOperator<? super V, ? extends EdgeData> attributes();

    /** Type of x's output, for jobs that import it from its topic. */
    TypeInformation<V> vehiclesType();

    /** The cameras, delivering {@code fps} frames per second each. */
    RawSourceFactory cameras(double fps);

    /** Operator name of the detector. */
    String DETECT = "detect";
}
