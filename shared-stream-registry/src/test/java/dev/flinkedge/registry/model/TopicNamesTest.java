package dev.flinkedge.registry.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.registry.json.RegistryJson;
import dev.flinkedge.registry.service.StreamCreation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Stream topics must stay distinct after Kafka's '.'/'_' normalisation. */
class TopicNamesTest {

    private static final String FINGERPRINT = "0".repeat(64);

    /** How Kafka compares topic names for collisions (its metric names). */
    private static String normalised(String topic) {
        return topic.replace('.', '_');
    }

    @Test
    void ownerWithUnderscoreDoesNotCollideWithStreamWithUnderscore() {
        String first = StreamDescriptor.topicFor("city", "a_X");
        String second = StreamDescriptor.topicFor("city_a", "X");

        assertThat(normalised(first)).isNotEqualTo(normalised(second));
    }

    @Test
    void encodesSeparatorsAndKeepsLettersAndDigits() {
        assertThat(StreamDescriptor.topicFor("city-a", "VehicleStream"))
                .isEqualTo("flinkedge.city--a.VehicleStream");
        assertThat(StreamDescriptor.topicFor("city_a", "v1.cars-x_y"))
                .isEqualTo("flinkedge.city-ua.v1-dcars--x-uy");
        assertThat(StreamDescriptor.topicPrefixFor("city_a")).isEqualTo("flinkedge.city-ua.");
    }

    @Test
    void generatedOwnerNamePairsGiveDistinctNormalisedTopics() {
        Random random = new Random(13);
        Map<String, StreamRef> seen = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            StreamRef ref =
                    new StreamRef(randomName(random, "ab1_-", 5), randomName(random, "ab1_.-", 6));
            String topic = normalised(StreamDescriptor.topicFor(ref.owner(), ref.name()));
            StreamRef earlier = seen.putIfAbsent(topic, ref);
            assertThat(earlier == null || earlier.equals(ref))
                    .as("%s and %s share topic %s", earlier, ref, topic)
                    .isTrue();
        }
        assertThat(seen).hasSizeGreaterThan(50_000);
    }

    @Test
    void everyTopicOfAnOwnerStartsWithItsPrefixAndNoOtherOwnersTopicDoes() {
        Random random = new Random(7);
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            owners.add(randomName(random, "ab_-", 4));
        }
        owners.addAll(List.of("city", "city_a", "city-a", "city-u", "city--a"));
        List<StreamRef> streams = new ArrayList<>();
        for (String owner : owners) {
            for (int i = 0; i < 20; i++) {
                streams.add(new StreamRef(owner, randomName(random, "ab_.-", 4)));
            }
        }
        for (String owner : owners) {
            String prefix = StreamDescriptor.topicPrefixFor(owner);
            for (StreamRef s : streams) {
                assertThat(StreamDescriptor.topicFor(s.owner(), s.name()).startsWith(prefix))
                        .as("topic of %s starts with %s", s, prefix)
                        .isEqualTo(s.owner().equals(owner));
            }
        }
    }

    @Test
    void refusesAtCreationANameWhoseTopicWouldExceedKafkasLimit() {
        String owner = "o".repeat(64);
        String fits = "a" + "-".repeat(86) + "b";
        String tooLong = "a" + "-".repeat(87);
        StreamCreation.Streams none = stored();

        assertThat(StreamCreation.declare(none, owner, raw(fits), 1L).topic()).hasSize(249);
        assertThatThrownBy(() -> StreamCreation.declare(none, owner, raw(tooLong), 1L))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("name"))
                .hasMessageContaining("250 characters, more than Kafka's 249");
    }

    @Test
    void aStoredDescriptorKeepsTheTopicItWasCreatedWith() throws Exception {
        StreamDescriptor old = oldDescriptor("city-a", "VehicleStream");
        String json = RegistryJson.LENIENT.writeValueAsString(old);

        StreamDescriptor read = RegistryJson.LENIENT.readValue(json, StreamDescriptor.class);

        assertThat(read.topic()).isEqualTo("flinkedge.city-a.VehicleStream");
        assertThat(StreamDescriptor.topicFor("city-a", "VehicleStream"))
                .isEqualTo("flinkedge.city--a.VehicleStream");
    }

    @Test
    void aNewStreamWhoseTopicKafkaConfusesWithAnOldStreamsTopicIsRefused() {
        // Before escaping, owner city-u's stream X-d1 got topic flinkedge.city-u.X-d1: now the
        // topic of owner city_'s stream X.1.
        StreamCreation.Streams state = stored(oldDescriptor("city-u", "X-d1"));

        assertThatThrownBy(() -> StreamCreation.declare(state, "city_", raw("X.1"), 2L))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("name"))
                .hasMessageContaining(
                        "'X.1' would be written to topic 'flinkedge.city-u.X-d1', which Kafka"
                                + " cannot tell apart from topic 'flinkedge.city-u.X-d1' of"
                                + " stream city-u/X-d1");
        assertThat(StreamCreation.declare(state, "city_", raw("Y"), 2L).topic())
                .isEqualTo("flinkedge.city-u.Y");
    }

    private static StreamDescriptor oldDescriptor(String owner, String name) {
        return new StreamDescriptor(
                owner,
                name,
                StreamType.RAW,
                WindowSpec.none(),
                SerializerFormat.JSON,
                null,
                Guarantee.AT_LEAST_ONCE,
                null,
                SourceSpec.devices(List.of("cam-1")),
                false,
                1,
                StreamStatus.DECLARED,
                null,
                "flinkedge." + owner + "." + name,
                FINGERPRINT,
                List.of(),
                List.of(),
                1L,
                1L);
    }

    /** A view of the registry holding {@code streams}. */
    private static StreamCreation.Streams stored(StreamDescriptor... streams) {
        return new StreamCreation.Streams() {
            @Override
            public Optional<StreamDescriptor> get(StreamRef ref) {
                return all().stream().filter(d -> d.ref().equals(ref)).findFirst();
            }

            @Override
            public List<StreamDescriptor> withFingerprint(String fingerprint) {
                return all().stream().filter(d -> d.fingerprint().equals(fingerprint)).toList();
            }

            @Override
            public List<StreamDescriptor> all() {
                return List.of(streams);
            }
        };
    }

    private static StreamSpec raw(String name) {
        return StreamSpec.builder(name, StreamType.RAW)
                .source(SourceSpec.devices(List.of("cam-1")))
                .build();
    }

    /** A letter, then up to {@code maxRest} characters drawn from {@code alphabet}. */
    private static String randomName(Random random, String alphabet, int maxRest) {
        StringBuilder b = new StringBuilder().append((char) ('a' + random.nextInt(2)));
        int rest = random.nextInt(maxRest + 1);
        for (int i = 0; i < rest; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
