package dev.flinkedge.connectors.source.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NewestRecordTest {

    private long now = 10_000;
    private final SharedRecordDeserializer.NewestRecord newest =
            new SharedRecordDeserializer.NewestRecord(() -> now);

    @Test
    void isMinusOneBeforeTheFirstRecordThenTheAgeOfTheNewestRead() {
        assertThat(newest.ageMs()).isEqualTo(-1);
        newest.read(9_000);
        assertThat(newest.ageMs()).isEqualTo(1_000);
        // An older record read later (another partition) does not make the stream look fresher.
        newest.read(8_000);
        now += 500;
        assertThat(newest.ageMs()).isEqualTo(1_500);
        newest.read(10_400);
        assertThat(newest.ageMs()).isEqualTo(100);
        // A producer's clock ahead of the reader's does not give a negative age.
        newest.read(20_000);
        assertThat(newest.ageMs()).isZero();
    }
}
