package dev.flinkedge.connectors.source.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.model.GeoPoint;

import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Range-based admission of cameras by JTS point-in-polygon. */
class AreaFilterTest {

    /** A box around Westminster, lon -0.15..-0.11, lat 51.49..51.51. */
    private static final String WESTMINSTER =
            "POLYGON((-0.15 51.49, -0.11 51.49, -0.11 51.51, -0.15 51.51, -0.15 51.49))";

    /** An L-shaped area whose bounding box contains points outside it. */
    private static final String L_SHAPE =
            "POLYGON((2.0 48.0, 2.4 48.0, 2.4 48.1, 2.1 48.1, 2.1 48.4, 2.0 48.4, 2.0 48.0))";

    @Test
    void admitsPointsInsideAnyAreaAndOnTheBorder() {
        AreaFilter filter = AreaFilter.of(List.of(WESTMINSTER, L_SHAPE));

        assertThat(filter.admits(new GeoPoint(51.50, -0.13))).isTrue();
        assertThat(filter.admits(new GeoPoint(51.49, -0.13))).as("on the border").isTrue();
        assertThat(filter.admits(new GeoPoint(48.05, 2.3))).as("in the L's foot").isTrue();
        assertThat(filter.admits(new GeoPoint(48.3, 2.05))).as("in the L's stem").isTrue();
    }

    @Test
    void rejectsPointsOutsideEvenWithinTheBoundingBox() {
        AreaFilter filter = AreaFilter.of(List.of(WESTMINSTER, L_SHAPE));

        assertThat(filter.admits(new GeoPoint(48.3, 2.3))).as("in the L's empty corner").isFalse();
        assertThat(filter.admits(new GeoPoint(51.50, 0.13))).as("wrong hemisphere").isFalse();
        assertThat(filter.admits(new GeoPoint(-0.13, 51.50))).as("lat/lon swapped").isFalse();
    }

    @Test
    void rejectsInvalidAreasNamingThem() {
        assertThatThrownBy(() -> AreaFilter.of(List.of(WESTMINSTER, "POINT(1 2)")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("areas[1]")
                .hasMessageContaining("Point");
        assertThatThrownBy(
                        () ->
                                AreaFilter.of(
                                        List.of(
                                                "POLYGON((51.49 -0.15, 51.49 200, 51.51 -0.11,"
                                                        + " 51.49 -0.15))")))
                .hasMessageContaining("lon lat");
        assertThatThrownBy(() -> AreaFilter.of(List.of())).hasMessageContaining("at least one");
    }

    @Test
    void worksAfterJavaSerializationInsideAJobGraph() throws Exception {
        AreaFilter filter = AreaFilter.of(List.of(WESTMINSTER));
        AreaFilter copy = InstantiationUtil.clone(filter);

        assertThat(copy).isEqualTo(filter);
        assertThat(copy.admits(new GeoPoint(51.50, -0.13))).isTrue();
    }
}
