package dev.flinkedge.connectors.source.camera.reader.feed;

import dev.flinkedge.connectors.model.GroundTruth;

import org.apache.flink.annotation.Internal;

import java.awt.image.BufferedImage;

/**
 * One decoded native frame of a camera. The image may be reused by the feed: it is valid until the
 * next call to the feed.
 *
 * @param image the picture
 * @param truth what it shows, in the picture's pixels; null unless the camera is synthetic
 */
@Internal
public record SourceImage(BufferedImage image, GroundTruth truth) {}
