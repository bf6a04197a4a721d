package dev.flinkedge.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

class DurationConverterTest {

    @Test
    void parsesEachUnit() {
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(DurationConverter.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationConverter.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationConverter.parse(" 10S ")).isEqualTo(Duration.ofSeconds(10));
        assertThat(DurationConverter.parse("0s")).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "s", "10 s", "1.5s", "-1s", "10x", "PT10S", "10sec"})
    void rejectsOtherTextNamingTheForms(String text) {
        assertThatThrownBy(() -> DurationConverter.parse(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'" + text + "' is not a duration")
                .hasMessageContaining("500ms, 10s or 2m");
    }

    @Test
    void formatsInTheLargestExactUnitAndRoundTrips() {
        assertThat(DurationConverter.format(0)).isEqualTo("0ms");
        assertThat(DurationConverter.format(1500)).isEqualTo("1500ms");
        assertThat(DurationConverter.format(10_000)).isEqualTo("10s");
        assertThat(DurationConverter.format(120_000)).isEqualTo("2m");
        assertThat(DurationConverter.format(7_200_000)).isEqualTo("2h");
        for (long ms : new long[] {1, 999, 1000, 61_000, 90_000, 3_600_000}) {
            assertThat(DurationConverter.parse(DurationConverter.format(ms)).toMillis())
                    .isEqualTo(ms);
        }
    }
}
