package dev.flinkedge.connectors.source.camera.reader.feed;

import org.apache.flink.annotation.Internal;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads one camera's native frames in order, one call per native frame: decoded with {@link
 * #read()} or passed over cheaply with {@link #skip()}. Finite sources (files, image directories)
 * end unless they loop; live streams block until the device delivers the next frame. Used by one
 * thread at a time.
 */
@Internal
public interface FrameFeed extends Closeable {

    /** Native frames per second, {@code > 0}. */
    double nativeFps();

    /** Width of the images this feed delivers. */
    int nativeWidth();

    /** Height of the images this feed delivers. */
    int nativeHeight();

    /** Index of the next native frame (restart point after a failure); 0 for live streams. */
    long position();

    /** Whether reads block at the device's own pace (live streams). */
    boolean isLive();

    /**
     * Decodes the next native frame.
     *
     * @return the frame, or null at the end of a source that does not loop
     */
    SourceImage read() throws IOException;

    /**
     * Passes over the next native frame without converting it to an image.
     *
     * @return false at the end of a source that does not loop
     */
    boolean skip() throws IOException;
}
