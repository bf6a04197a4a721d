package dev.flinkedge.connectors.source.shared;

import static dev.flinkedge.connectors.testutil.Descriptors.lease;
import static dev.flinkedge.connectors.testutil.Descriptors.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkedge.connectors.api.StreamRetiredException;
import dev.flinkedge.connectors.source.shared.SubscribedStreamStatus.Notice;
import dev.flinkedge.registry.model.StreamDescriptor;
import dev.flinkedge.registry.model.StreamRef;
import dev.flinkedge.registry.model.StreamStatus;

import org.junit.jupiter.api.Test;

import java.util.Optional;

class SubscribedStreamStatusTest {

    private static final StreamRef CARS = new StreamRef("alice", "Cars");

    private long now = 1_000_000;
    private final SubscribedStreamStatus status = new SubscribedStreamStatus(CARS, () -> now);

    private static Optional<StreamDescriptor> view(StreamStatus s) {
        return Optional.of(stream(CARS, s, lease("job-a", 0), 0));
    }

    @Test
    void theGaugeCodesEachStatus() {
        assertThat(status.code()).isZero();
        status.observe(view(StreamStatus.DECLARED));
        assertThat(status.code()).isEqualTo(1);
        status.observe(view(StreamStatus.ACTIVE));
        assertThat(status.code()).isEqualTo(2);
        status.observe(view(StreamStatus.ORPHANED));
        assertThat(status.code()).isEqualTo(3);
        assertThatThrownBy(() -> status.observe(view(StreamStatus.RETIRED)));
        assertThat(status.code()).isEqualTo(4);
        assertThatThrownBy(() -> status.observe(Optional.empty()));
        assertThat(status.code()).isEqualTo(5);
    }

    @Test
    void warnsAtOnceWhenOrphanedThenOncePerMinuteAndTellsWhenActiveAgain() {
        assertThat(status.observe(view(StreamStatus.ACTIVE))).isEqualTo(Notice.NONE);
        assertThat(status.observe(view(StreamStatus.ORPHANED))).isEqualTo(Notice.ORPHANED_WARNING);
        now += 250;
        assertThat(status.observe(view(StreamStatus.ORPHANED))).isEqualTo(Notice.NONE);
        now += SubscribedStreamStatus.WARNING_REPEAT.toMillis() - 251;
        assertThat(status.observe(view(StreamStatus.ORPHANED))).isEqualTo(Notice.NONE);
        now += 1;
        assertThat(status.observe(view(StreamStatus.ORPHANED))).isEqualTo(Notice.ORPHANED_WARNING);
        assertThat(status.observe(view(StreamStatus.ACTIVE))).isEqualTo(Notice.ACTIVE_AGAIN);
        assertThat(status.observe(view(StreamStatus.ACTIVE))).isEqualTo(Notice.NONE);
        // A new outage warns at once again.
        now += 1_000;
        assertThat(status.observe(view(StreamStatus.ORPHANED))).isEqualTo(Notice.ORPHANED_WARNING);
    }

    @Test
    void aRetiredOrDeletedStreamFailsWithAMessageThatSaysWhatToDo() {
        assertThatThrownBy(() -> status.observe(view(StreamStatus.RETIRED)))
                .isInstanceOfSatisfying(
                        StreamRetiredException.class,
                        e -> {
                            assertThat(e.stream()).isEqualTo("alice/Cars");
                            assertThat(e.deleted()).isFalse();
                        })
                .hasMessageContaining("alice/Cars was RETIRED by its owner 'alice'")
                .hasMessageContaining("Subscribe to another stream");
        assertThatThrownBy(() -> status.observe(Optional.empty()))
                .isInstanceOfSatisfying(
                        StreamRetiredException.class, e -> assertThat(e.deleted()).isTrue())
                .hasMessageContaining("alice/Cars was deleted from the registry")
                .hasMessageContaining("ask 'alice'");
    }
}
