package dev.flinkedge.registry.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Result topics live in their owner's topic prefix and never meet a stream topic. */
class ResultTopicsTest {

    @Test
    void resultTopicsLiveUnderTheOwnersPrefix() {
        assertThat(ResultTopics.topicFor("city-a", "plates"))
                .isEqualTo("flinkedge.city--a.results.plates")
                .startsWith(StreamDescriptor.topicPrefixFor("city-a"));
        assertThat(ResultTopics.topicFor("city_b", "area-traffic"))
                .isEqualTo("flinkedge.city-ub.results.area--traffic");
    }

    @Test
    void aResultTopicIsNeverAStreamTopic() {
        String results = ResultTopics.topicFor("city", "x");
        for (String name : new String[] {"results.x", "results_x", "results-x", "resultsx"}) {
            String stream = StreamDescriptor.topicFor("city", name);
            assertThat(StreamDescriptor.topicsCollide(results, stream)).as(name).isFalse();
        }
    }

    @Test
    void resolvesOwnerSlashNameAndKeepsPlainTopics() {
        assertThat(ResultTopics.resolve("city-a/plates"))
                .isEqualTo(ResultTopics.topicFor("city-a", "plates"));
        assertThat(ResultTopics.resolve("plates")).isEqualTo("plates");
    }

    @Test
    void rejectsInvalidOwnersAndTooLongNames() {
        assertThatThrownBy(() -> ResultTopics.topicFor("city a", "plates"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("owner");
        assertThatThrownBy(() -> ResultTopics.topicFor("city-a", "a" + "-".repeat(126)))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("249");
    }
}
