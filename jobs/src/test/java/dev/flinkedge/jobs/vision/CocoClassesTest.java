package dev.flinkedge.jobs.vision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The COCO names are complete and in YOLO's class order. */
class CocoClassesTest {

    @Test
    void eightyDistinctNamesInYoloOrder() {
        assertThat(CocoClasses.NAMES).hasSize(80).doesNotHaveDuplicates();
        assertThat(CocoClasses.NAMES.subList(0, 8))
                .containsExactly(
                        "person",
                        "bicycle",
                        "car",
                        "motorcycle",
                        "airplane",
                        "bus",
                        "train",
                        "truck");
        assertThat(CocoClasses.NAMES.get(79)).isEqualTo("toothbrush");
    }

    @Test
    void coverTheTrafficClasses() {
        assertThat(CocoClasses.NAMES).containsAll(YoloOptions.TRAFFIC);
    }
}
