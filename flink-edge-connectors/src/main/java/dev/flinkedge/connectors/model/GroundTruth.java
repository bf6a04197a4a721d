package dev.flinkedge.connectors.model;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;
import java.util.List;

/**
 * What a synthetic frame really shows, for accuracy measurements: one entry per visible object.
 *
 * @param objects the visible objects
 */
@PublicEvolving
public record GroundTruth(List<GroundTruth.TruthObject> objects) implements Serializable {

    public GroundTruth {
        objects = List.copyOf(objects);
    }

    /**
     * One object of the scene.
     *
     * @param objectId stable id across frames (a vehicle keeps its id while visible)
     * @param cls class: car, bus, truck, motorcycle, bicycle, person
     * @param colour colour name (red, blue, white, …)
     * @param plate licence plate text, or null if none
     * @param x box left, in pixels of the frame as delivered
     * @param y box top
     * @param w box width
     * @param h box height
     */
    public record TruthObject(
            String objectId, String cls, String colour, String plate, int x, int y, int w, int h)
            implements Serializable {}
}
