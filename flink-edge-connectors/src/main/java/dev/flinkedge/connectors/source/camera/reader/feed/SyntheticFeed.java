package dev.flinkedge.connectors.source.camera.reader.feed;

import dev.flinkedge.connectors.source.camera.CameraSpec;
import dev.flinkedge.connectors.source.camera.synthetic.SyntheticTrafficScene;

import org.apache.flink.annotation.Internal;

/**
 * Frames of a {@link SyntheticTrafficScene}: native frame {@code n} shows the scene at {@code n /
 * fps} seconds, so skipping frames costs nothing and the scene never ends.
 */
@Internal
public final class SyntheticFeed implements FrameFeed {

    private final SyntheticTrafficScene scene;
    private final double fps;
    private long position;

    public SyntheticFeed(CameraSpec spec, long position) {
        this.scene = new SyntheticTrafficScene(spec.seed(), spec.width(), spec.height());
        this.fps = spec.fps();
        this.position = position;
    }

    @Override
    public double nativeFps() {
        return fps;
    }

    @Override
    public int nativeWidth() {
        return scene.width();
    }

    @Override
    public int nativeHeight() {
        return scene.height();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public boolean isLive() {
        return false;
    }

    @Override
    public SourceImage read() {
        SyntheticTrafficScene.Rendering r = scene.render(sceneTimeMs(position));
        position++;
        return new SourceImage(r.image(), r.truth());
    }

    @Override
    public boolean skip() {
        position++;
        return true;
    }

    /** Scene time of native frame {@code n}. */
    long sceneTimeMs(long n) {
        return Math.round(n * 1000.0 / fps);
    }

    @Override
    public void close() {}
}
