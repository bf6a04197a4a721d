package dev.flinkedge.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the parts of the store's health combine into the status /v1/health reports. */
class StoreHealthTest {

    private static final StoreHealth.Kafka REACHABLE =
            new StoreHealth.Kafka("localhost:9092", true, null);
    private static final StoreHealth.Kafka UNREACHABLE =
            new StoreHealth.Kafka("localhost:9092", false, "no answer within 2000 ms");
    private static final StoreHealth.LogReader ALIVE = new StoreHealth.LogReader(true, null);
    private static final StoreHealth.LogReader DEAD =
            new StoreHealth.LogReader(false, "java.lang.IllegalStateException: boom");

    @Test
    void upWhenKafkaAnswersAndTheReaderRuns() {
        StoreHealth h = StoreHealth.of(REACHABLE, ALIVE, false, 41);
        assertThat(h.status()).isEqualTo(StoreHealth.UP);
        assertThat(h.isUp()).isTrue();
        assertThat(h.appliedOffset()).isEqualTo(41);
    }

    @Test
    void downWhenTheLogReaderDied() {
        StoreHealth h = StoreHealth.of(REACHABLE, DEAD, false, 41);
        assertThat(h.status()).isEqualTo(StoreHealth.DOWN);
        assertThat(h.isUp()).isFalse();
        assertThat(h.logReader().error()).contains("boom");
    }

    @Test
    void downWhenKafkaIsUnreachableEvenIfFenced() {
        assertThat(StoreHealth.of(UNREACHABLE, ALIVE, true, 3).status())
                .isEqualTo(StoreHealth.DOWN);
    }

    @Test
    void readOnlyWhenFencedButHealthy() {
        StoreHealth h = StoreHealth.of(REACHABLE, ALIVE, true, 3);
        assertThat(h.status()).isEqualTo(StoreHealth.UP_READ_ONLY);
        assertThat(h.isUp()).isTrue();
    }
}
